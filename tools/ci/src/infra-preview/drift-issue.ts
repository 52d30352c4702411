/** The GitHub REST calls the drift report needs; `githubClient` is the real one, tests pass a fake. */
export interface GitHubClient {
  request<T>(method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown): Promise<T>;
}

export interface DriftReport {
  readonly repository: string;
  readonly project: string;
  readonly stack: string;
  /** The output of `pulumi preview --refresh --expect-no-changes`. */
  readonly preview: string;
  readonly runUrl: string;
}

export const DRIFT_LABEL = 'drift';

/** What the Pulumi CLI prints when `--expect-no-changes` finds changes: drift, and not another failure. */
const DRIFT_MESSAGE = /no changes were expected but changes were proposed/i;

/** Whether a failed `pulumi preview --expect-no-changes` failed because of drift (and not auth, network, code). */
export function isDrift(preview: string): boolean {
  return DRIFT_MESSAGE.test(preview);
}
const MAX_PREVIEW_CHARS = 50_000;

export function driftTitle(report: Pick<DriftReport, 'project' | 'stack'>): string {
  return `Infrastructure drift: ${report.project} (${report.stack})`;
}

export function driftBody(report: DriftReport): string {
  const preview =
    report.preview.length > MAX_PREVIEW_CHARS
      ? `${report.preview.slice(0, MAX_PREVIEW_CHARS)}\n… (cut; see the run)`
      : report.preview;
  return [
    `The scheduled drift check found that \`${report.project}\` on stack \`${report.stack}\` no longer matches the code: ` +
      'someone or something changed the infrastructure outside a pull request.',
    '',
    `Run: ${report.runUrl}`,
    '',
    'Either bring the code in line (a pull request) or run `pulumi up` from main to put the infrastructure back.',
    '',
    '<details><summary>pulumi preview --refresh</summary>',
    '',
    '```',
    preview,
    '```',
    '',
    '</details>',
  ].join('\n');
}

interface Issue {
  readonly number: number;
  readonly title: string;
  readonly pull_request?: unknown;
}

/** Opens one issue per project and stack, or comments on the one already open: never a pile of duplicates. */
export async function reportDrift(
  client: GitHubClient,
  report: DriftReport,
): Promise<{ action: 'created' | 'commented'; number: number }> {
  const title = driftTitle(report);
  const open = await client.request<Issue[]>(
    'GET',
    `/repos/${report.repository}/issues?state=open&labels=${DRIFT_LABEL}&per_page=100`,
  );
  const existing = open.find((issue) => issue.title === title && !issue.pull_request);
  if (existing) {
    await client.request('POST', `/repos/${report.repository}/issues/${existing.number}/comments`, {
      body: driftBody(report),
    });
    return { action: 'commented', number: existing.number };
  }
  const created = await client.request<Issue>('POST', `/repos/${report.repository}/issues`, {
    title,
    body: driftBody(report),
    labels: [DRIFT_LABEL],
  });
  return { action: 'created', number: created.number };
}

/** A client for the GitHub REST API with a token (GITHUB_TOKEN in Actions). */
export function githubClient(token: string, apiUrl = 'https://api.github.com'): GitHubClient {
  return {
    async request<T>(method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown): Promise<T> {
      const response = await fetch(`${apiUrl}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          accept: 'application/vnd.github+json',
          'x-github-api-version': '2022-11-28',
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      if (!response.ok)
        throw new Error(
          `GitHub API ${method} ${path}: ${response.status} ${await response.text()}`,
        );
      return (await response.json()) as T;
    },
  };
}
