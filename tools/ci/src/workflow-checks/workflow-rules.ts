import { parse } from 'yaml';

/** Actions are pinned to a full commit SHA, with the version it is in a comment. */
const PINNED_USES = /^\s*(?:-\s+)?uses:\s+([^@\s]+)@([0-9a-f]{40})\s+#\s+v\d[\w.-]*\s*$/;
const ANY_USES = /^\s*(?:-\s+)?uses:\s+(\S+)/;
const READ_ONLY_TOP_LEVEL = new Set(['{}', 'contents:read']);

/**
 * Secrets a job outside a GitHub environment may read: pull-request and drift jobs run there,
 * so only read-only credentials (README, "What a pull request can read"). Every other secret is
 * a secret of an environment that only main may use.
 */
export const SECRETS_OUTSIDE_ENVIRONMENTS = new Set([
  'PULUMI_PREVIEW_ACCESS_TOKEN',
  'PULUMI_PREVIEW_CONFIG_PASSPHRASE',
  // e2e.yml's read-only deploy key for a throwaway kind cluster.
  'E2E_DEPLOY_KEY',
]);

interface Job {
  readonly environment?: unknown;
  readonly permissions?: unknown;
  readonly 'timeout-minutes'?: unknown;
  readonly steps?: readonly {
    readonly run?: unknown;
    readonly uses?: unknown;
    readonly with?: Record<string, unknown>;
  }[];
}

interface Workflow {
  readonly on?: unknown;
  readonly permissions?: unknown;
  readonly concurrency?: { readonly group?: unknown; readonly 'cancel-in-progress'?: unknown };
  readonly jobs?: Readonly<Record<string, Job>>;
}

/**
 * The workspace's own rules for its workflows, beyond what actionlint checks:
 * least privilege, pinned actions, no script injection, no long-lived cloud keys.
 * Returns one message per broken rule, naming the workflow and the place.
 */
export function checkWorkflow(file: string, text: string): string[] {
  const problems: string[] = [];
  const workflow = parse(text) as Workflow;
  const fail = (message: string) => problems.push(`${file}: ${message}`);

  const top = workflow.permissions;
  const topKey =
    typeof top === 'object' && top !== null
      ? Object.entries(top)
          .map(([k, v]) => `${k}:${String(v)}`)
          .join(',') || '{}'
      : String(top);
  if (top === undefined)
    fail('no top-level permissions: set `permissions: {}` (or contents: read) and widen per job');
  else if (!READ_ONLY_TOP_LEVEL.has(topKey))
    fail(`top-level permissions '${topKey}' are wider than contents: read; widen per job instead`);

  const triggers =
    typeof workflow.on === 'string' ? [workflow.on] : Object.keys((workflow.on ?? {}) as object);
  if (triggers.includes('pull_request_target'))
    fail('uses pull_request_target, which runs with secrets on code from forks');

  text.split('\n').forEach((line, index) => {
    const uses = ANY_USES.exec(line)?.[1];
    if (
      uses &&
      !uses.startsWith('./') &&
      !uses.startsWith('docker://') &&
      !PINNED_USES.test(line)
    ) {
      fail(
        `line ${index + 1}: '${uses}' is not pinned to a full commit SHA with its version in a comment`,
      );
    }
  });

  for (const [name, job] of Object.entries(workflow.jobs ?? {})) {
    if (job['timeout-minutes'] === undefined) fail(`job '${name}' has no timeout-minutes`);
    const jobText = JSON.stringify(job);
    if (job.environment === undefined) {
      const secrets = [...jobText.matchAll(/secrets\.([A-Za-z0-9_]+)/g)].map((m) => m[1] ?? '');
      for (const secret of new Set(secrets.filter((s) => !SECRETS_OUTSIDE_ENVIRONMENTS.has(s))))
        fail(
          `job '${name}' reads secrets.${secret} outside a GitHub environment: make it a secret of an environment only main may use, and run the job there`,
        );
    }
    const permissions = (job.permissions ?? {}) as Record<string, unknown>;
    if (/--push\b/.test(jobText)) {
      if (permissions['contents'] === 'write')
        fail(
          `job '${name}' pushes to main with contents: write: push with the release GitHub App's token instead (workflow tokens must not bypass main's rules)`,
        );
      if (!jobText.includes('actions/create-github-app-token@'))
        fail(`job '${name}' pushes to main without the release GitHub App's token`);
    }
    for (const [index, step] of (job.steps ?? []).entries()) {
      // The pull request's one review comment is pr-comment.yml's: the action must post none
      // (its defaults are off today; a pin bump must not turn them on unseen).
      if (String(step.uses ?? '').startsWith('pulumi/actions@'))
        for (const input of ['comment-on-pr', 'comment-on-summary'])
          if (String(step.with?.[input]) !== 'false')
            fail(
              `job '${name}' step ${index + 1}: pulumi/actions must set ${input}: 'false' (pr-comment.yml writes the one review comment)`,
            );
      if (String(step.uses ?? '').startsWith('pulumi/actions@') && step.with?.['command'])
        fail(
          `job '${name}' step ${index + 1}: pulumi/actions runs '${String(step.with['command'])}': run tools/ci/bin/pulumi-stack.sh instead (the policy pack, and the output even when it fails)`,
        );
      if (typeof step.run === 'string' && /\bpulumi (preview|up)\b/.test(step.run))
        fail(
          `job '${name}' step ${index + 1}: runs pulumi preview/up directly: use tools/ci/bin/pulumi-stack.sh (it applies the policy pack)`,
        );
    }
    for (const [index, step] of (job.steps ?? []).entries()) {
      if (typeof step.run === 'string' && step.run.includes('${{')) {
        fail(
          `job '${name}' step ${index + 1}: an expression inside run: (pass it through env: instead, so it cannot inject shell)`,
        );
      }
      const inputs = Object.keys(step.with ?? {});
      if (inputs.includes('aws-access-key-id') || inputs.includes('aws-secret-access-key')) {
        fail(
          `job '${name}' step ${index + 1}: long-lived AWS keys; assume the CI role through GitHub OIDC (role-to-assume)`,
        );
      }
    }
  }
  return problems;
}
