import type { ResourceChange } from '../infra-preview/preview-digest.js';
import { readStackPreview, type StackPreviewFiles } from '../infra-preview/stack-preview.js';
import { code, fenced } from '../markdown.js';
import type { GitOpsFinding } from './gitops-drift.js';

/** The GitHub REST calls the drift report needs; `githubClient` is the real one, tests pass a fake. */
export interface GitHubClient {
  request<T>(method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown): Promise<T>;
}

export const DRIFT_LABEL = 'drift';

/** The hidden line that makes an issue an environment's drift issue: found by it, never by its title. */
export function driftMarker(environment: string): string {
  return `<!-- platform-drift environment=${environment} -->`;
}

/** One Pulumi program's stack after `pulumi preview --refresh --expect-no-changes --json`. */
export interface PulumiDrift {
  readonly project: string;
  readonly stack: string;
  /** `failed`: the check itself failed (credentials, network, code): no verdict. */
  readonly state: 'clean' | 'drift' | 'failed';
  readonly changes: readonly ResourceChange[];
  readonly counts: Readonly<Record<string, number>>;
  readonly errors: readonly string[];
}

/**
 * Reads the preview's own output: it succeeds when nothing changed; a failure whose digest
 * proposes changes is drift; any other failure is a check that could not decide.
 */
export function pulumiDrift(files: StackPreviewFiles): PulumiDrift {
  const preview = readStackPreview(files);
  const changed = Object.keys(preview.counts).length > 0 || preview.changes.length > 0;
  return {
    project: preview.project,
    stack: preview.stack,
    state: preview.succeeded ? 'clean' : changed ? 'drift' : 'failed',
    changes: preview.changes,
    counts: preview.counts,
    errors: preview.succeeded || changed ? [] : preview.errors,
  };
}

/** The GitOps engine's view of one environment's cluster. */
export type GitOpsDrift =
  | { readonly state: 'clean' | 'drift'; readonly findings: readonly GitOpsFinding[] }
  | { readonly state: 'failed'; readonly error: string };

export interface EnvironmentDrift {
  readonly environment: string;
  readonly pulumi: readonly PulumiDrift[];
  /** Undefined: the cluster was not read (its check did not run). */
  readonly gitops?: GitOpsDrift;
  readonly runUrl: string;
}

/** Drift when either side drifts; unknown when no side drifts but a check failed or did not run. */
export function driftVerdict(drift: EnvironmentDrift): 'drift' | 'clean' | 'unknown' {
  // A side that was not checked (no preview, no cluster read) is no verdict of no drift.
  const states = [
    ...(drift.pulumi.length > 0 ? drift.pulumi.map((p) => p.state) : ['failed']),
    drift.gitops?.state ?? 'failed',
  ];
  if (states.includes('drift')) return 'drift';
  return states.includes('failed') ? 'unknown' : 'clean';
}

export function driftIssueTitle(environment: string): string {
  return `Drift in ${environment}`;
}

/** GitHub refuses an issue body over 65,536 characters; each list is cut well below. */
const MAX_LIST_CHARS = 20_000;
const cut = (lines: readonly string[]) => {
  const kept: string[] = [];
  let size = 0;
  for (const line of lines) {
    if (size + line.length > MAX_LIST_CHARS) {
      kept.push(`- … ${lines.length - kept.length} more: see the run`);
      break;
    }
    kept.push(line);
    size += line.length + 1;
  }
  return kept.join('\n');
};

function pulumiSection(drift: EnvironmentDrift): string {
  if (drift.pulumi.length === 0) return 'Not checked: no Pulumi program was previewed.';
  return drift.pulumi
    .map((p) => {
      const title = `**${code(p.project)}** / ${code(p.stack)}`;
      if (p.state === 'clean') return `${title}: ✅ matches the code.`;
      if (p.state === 'failed')
        return `${title}: ❓ the check failed, so drift is unknown:\n\n${fenced(p.errors.join('\n'))}`;
      const counts = Object.entries(p.counts)
        .map(([op, n]) => `${n} to ${op}`)
        .join(', ');
      return `${title}: ⚠️ drifted (${counts}). A \`pulumi up\` would:\n\n${cut(p.changes.map((c) => `- \`${c.op}\` ${code(c.resource)}`))}`;
    })
    .join('\n\n');
}

function gitopsSection(drift: EnvironmentDrift): string {
  const gitops = drift.gitops;
  if (!gitops) return '❓ Not checked: the cluster was not read.';
  if (gitops.state === 'failed')
    return `❓ The cluster could not be read, so drift is unknown:\n\n${fenced(gitops.error)}`;
  if (gitops.state === 'clean')
    return '✅ Every Application (and Flux Kustomization and HelmRelease) is synced and healthy.';
  return cut(
    gitops.findings.map(
      (f) =>
        `- ${f.engine} ${f.kind} ${code(`${f.namespace}/${f.name}`)}: ${f.problems.map(code).join('; ')}`,
    ),
  );
}

/** The issue's body: both sides, what to do, and the marker it is found by. */
export function driftIssueBody(drift: EnvironmentDrift): string {
  return [
    driftMarker(drift.environment),
    `The scheduled drift check found that **${drift.environment}** no longer matches git. ` +
      'This issue is updated by every check and closed by the first one that finds no drift.',
    '',
    `Last checked: ${drift.runUrl}`,
    '',
    '### Infrastructure (Pulumi, after a refresh)',
    '',
    pulumiSection(drift),
    '',
    '### Cluster (GitOps engine)',
    '',
    gitopsSection(drift),
    '',
    '### What to do',
    '',
    '- Infrastructure changed outside a pull request: bring the code in line (a pull request), or run `pulumi up` from main to put it back.',
    '- An Application out of sync or degraded: look at it in Argo CD (or `flux get all -A`); a change made with kubectl is undone by the next sync only when self-heal is on.',
  ].join('\n');
}

interface Issue {
  readonly number: number;
  readonly body?: string | null;
  readonly pull_request?: unknown;
}

export type DriftIssueAction =
  | { readonly action: 'created' | 'updated' | 'closed'; readonly number: number }
  | { readonly action: 'none' | 'kept'; readonly number?: number };

/**
 * Keeps one issue per environment: opens it on drift, rewrites it while drift lasts, closes it
 * when a check finds none. A check that could not decide changes nothing.
 */
export async function syncDriftIssue(
  client: GitHubClient,
  repository: string,
  drift: EnvironmentDrift,
): Promise<DriftIssueAction> {
  const open = await client.request<Issue[]>(
    'GET',
    `/repos/${repository}/issues?state=open&labels=${DRIFT_LABEL}&per_page=100`,
  );
  const marker = driftMarker(drift.environment);
  const existing = open.find((issue) => !issue.pull_request && issue.body?.includes(marker));
  const verdict = driftVerdict(drift);
  if (verdict === 'drift') {
    const body = driftIssueBody(drift);
    if (existing) {
      await client.request('PATCH', `/repos/${repository}/issues/${existing.number}`, { body });
      return { action: 'updated', number: existing.number };
    }
    const created = await client.request<Issue>('POST', `/repos/${repository}/issues`, {
      title: driftIssueTitle(drift.environment),
      body,
      labels: [DRIFT_LABEL],
    });
    return { action: 'created', number: created.number };
  }
  if (verdict === 'unknown' || !existing)
    return existing ? { action: 'kept', number: existing.number } : { action: 'none' };
  await client.request('POST', `/repos/${repository}/issues/${existing.number}/comments`, {
    body: `The drift check found no drift in **${drift.environment}** any more: ${drift.runUrl}`,
  });
  await client.request('PATCH', `/repos/${repository}/issues/${existing.number}`, {
    state: 'closed',
    state_reason: 'completed',
  });
  return { action: 'closed', number: existing.number };
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
