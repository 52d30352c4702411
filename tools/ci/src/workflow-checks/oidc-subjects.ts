import { parse } from 'yaml';

/** What a stack's CI roles trust, from its Pulumi.<stack>.yaml (infra/cluster config keys). */
export interface StackTrust {
  /** `infra-cluster:ciProvider`: a `gitlab` stack trusts GitLab's tokens, never GitHub's. */
  readonly ciProvider: 'github' | 'gitlab';
  readonly environments: readonly string[];
  readonly pullRequests: boolean;
}

export function stackTrust(stackFile: string): StackTrust {
  const config = ((parse(stackFile) as { config?: Record<string, unknown> }).config ??
    {}) as Record<string, unknown>;
  return {
    ciProvider: config['infra-cluster:ciProvider'] === 'gitlab' ? 'gitlab' : 'github',
    environments: (config['infra-cluster:githubEnvironments'] as string[] | undefined) ?? [],
    pullRequests: config['infra-cluster:githubPullRequests'] !== false,
  };
}

interface Job {
  readonly environment?: unknown;
  readonly steps?: readonly { readonly uses?: unknown; readonly with?: Record<string, unknown> }[];
}

type RoleKind = 'deploy' | 'push' | 'preview';

/**
 * Role variables, by the environment whose stack's output they hold (the stack named after it,
 * or its hub's: libs/environments' engineClusterStack) and the kind of role. A workload cluster's
 * stack names its own roles in the plan's matrix (infra.yml, drift.yml); the plan refuses one whose
 * deploy role would not trust its environment's jobs (workload-credentials.ts).
 */
const ROLE_VARIABLES: Readonly<Record<string, { stack: string; role: RoleKind }>> = {
  AWS_CI_ROLE_ARN_STAGING: { stack: 'staging', role: 'deploy' },
  AWS_CI_ROLE_ARN_PRODUCTION: { stack: 'production', role: 'deploy' },
  AWS_PUSH_ROLE_ARN_STAGING: { stack: 'staging', role: 'push' },
  AWS_PUSH_ROLE_ARN_PRODUCTION: { stack: 'production', role: 'push' },
  AWS_PREVIEW_ROLE_ARN_STAGING: { stack: 'staging', role: 'preview' },
  AWS_PREVIEW_ROLE_ARN_PRODUCTION: { stack: 'production', role: 'preview' },
};

/**
 * Every job that assumes an AWS role must present an OIDC subject that role trusts (infra/cluster's
 * githubSubjects, with the claims repo, context, ref): a job in a GitHub environment presents
 * `environment:<name>` (on main), a pull request `pull_request`, anything else on main its
 * branch ref. The deploy role trusts only its stack's environments; the push role only the
 * branch without an environment; the preview role the branch and, when enabled, pull requests.
 * Returns one message per job that would be refused.
 */
export function untrustedJobs(
  file: string,
  workflowText: string,
  trust: Readonly<Record<string, StackTrust>>,
): string[] {
  const workflow = parse(workflowText) as {
    on?: unknown;
    jobs?: Record<string, Job & { if?: unknown }>;
  };
  const problems: string[] = [];
  for (const [name, job] of Object.entries(workflow.jobs ?? {})) {
    for (const step of job.steps ?? []) {
      if (!String(step.uses ?? '').startsWith('aws-actions/configure-aws-credentials@')) continue;
      const expression = String(step.with?.['role-to-assume'] ?? '');
      const environment = typeof job.environment === 'string' ? job.environment : undefined;
      const onPullRequest = String(job.if ?? '').includes("github.event_name == 'pull_request'");
      for (const variable of Object.keys(ROLE_VARIABLES).filter((v) =>
        expression.includes(`vars.${v}`),
      )) {
        const { stack, role } = ROLE_VARIABLES[variable] ?? { stack: '', role: 'deploy' as const };
        const stackTrusts = trust[stack];
        if (!stackTrusts) {
          problems.push(
            `${file}: job '${name}' uses ${variable}, but there is no ${stack} stack file`,
          );
          continue;
        }
        // A team on GitLab keeps .github/ (it never runs there): its pipeline, .gitlab-ci.yml,
        // is checked against GitLab's trust by tools/ci/src/gitlab instead.
        if (stackTrusts.ciProvider === 'gitlab') continue;
        const subject = environment
          ? `environment:${environment}`
          : onPullRequest
            ? 'pull_request'
            : 'ref:refs/heads/main';
        const trusted =
          role === 'deploy'
            ? environment !== undefined && stackTrusts.environments.includes(environment)
            : role === 'push'
              ? subject === 'ref:refs/heads/main'
              : subject === 'ref:refs/heads/main' ||
                (subject === 'pull_request' && stackTrusts.pullRequests);
        if (!trusted)
          problems.push(
            `${file}: job '${name}' presents '${subject}', which the ${stack} ${role} role (${variable}) does not trust`,
          );
      }
    }
  }
  return problems;
}
