import type { GithubConfig } from '../config/cluster-config.js';
import { policyDocument, type PolicyDocument } from './policy-document.js';

/** The issuer GitHub Actions signs its OIDC tokens with. */
export const GITHUB_OIDC_HOST = 'token.actions.githubusercontent.com';
export const GITHUB_OIDC_AUDIENCE = 'sts.amazonaws.com';

/**
 * The exact `sub` claims (GitHub's default format) each CI role trusts:
 * - deploy: workflows on the deploy branch (`repo:<o>/<r>:ref:refs/heads/<branch>`, unless
 *   `deployFromBranch` is off) and jobs in the protected environments
 *   (`repo:<o>/<r>:environment:<name>`: a job with an `environment:` presents that claim
 *   instead of its ref, so only the environment's protection rules let it through);
 * - preview (read-only): pull-request workflows (`repo:<o>/<r>:pull_request`), when enabled,
 *   and the deploy branch, for the scheduled drift check (a refresh and a preview on main,
 *   which must not need the deploy role or an environment's reviewers).
 * Never a wildcard: a `*` would let any branch, or any fork's ref, in.
 */
export function githubSubjects(github: GithubConfig): { deploy: string[]; preview: string[] } {
  const repo = `repo:${github.repository}`;
  return {
    deploy: [
      ...(github.deployFromBranch ? [`${repo}:ref:refs/heads/${github.branch}`] : []),
      ...github.environments.map((environment) => `${repo}:environment:${environment}`),
    ],
    preview: [
      ...(github.pullRequests ? [`${repo}:pull_request`] : []),
      `${repo}:ref:refs/heads/${github.branch}`,
    ],
  };
}

/**
 * A trust policy for GitHub's OIDC provider: the audience must be STS and the subject one of
 * `subjects`, compared exactly (StringEquals).
 */
export function githubTrustPolicy(
  providerArn: string,
  subjects: readonly string[],
): PolicyDocument {
  if (subjects.length === 0) throw new Error('githubTrustPolicy: no subject to trust');
  return policyDocument([
    {
      Sid: 'GithubActionsOfThisRepository',
      Effect: 'Allow',
      Principal: { Federated: providerArn },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: {
        StringEquals: {
          [`${GITHUB_OIDC_HOST}:aud`]: GITHUB_OIDC_AUDIENCE,
          [`${GITHUB_OIDC_HOST}:sub`]: [...subjects],
        },
      },
    },
  ]);
}
