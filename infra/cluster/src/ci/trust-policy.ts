import type { GithubConfig } from '../config/cluster-config.js';
import { policyDocument, type PolicyDocument, type PolicyStatement } from './policy-document.js';

/** The audience every CI job asks its OIDC token for (`aud`): AWS STS. */
export const CI_OIDC_AUDIENCE = 'sts.amazonaws.com';
/** The issuer GitHub Actions signs its OIDC tokens with. */
export const GITHUB_OIDC_HOST = 'token.actions.githubusercontent.com';
export const GITHUB_OIDC_AUDIENCE = CI_OIDC_AUDIENCE;

/**
 * An OIDC issuer the CI roles trust. IAM names its claims `<host>:aud` and `<host>:sub`, and
 * conditions a generic OIDC provider's tokens on those two only: whatever tells one job from
 * another must be in the subject.
 */
export interface CiIssuer {
  readonly host: string;
  /** The trust statements' ids: of the exact subjects, of the patterns. */
  readonly statementIds: { readonly exact: string; readonly patterns: string };
}

export const GITHUB_ISSUER: CiIssuer = {
  host: GITHUB_OIDC_HOST,
  statementIds: {
    exact: 'GithubActionsOfThisRepository',
    patterns: 'PullRequestsOfThisRepository',
  },
};

/**
 * The claims in the repository's OIDC `sub`, set once per repository (README, "One-time
 * setup"; `.github/oidc-sub-claims.json` is what that step sends). With `ref` after the
 * context, a job in an environment presents `…:environment:<env>:ref:refs/heads/<branch>`:
 * the environment alone no longer lets a job dispatched from an unreviewed branch in.
 */
export const GITHUB_SUB_CLAIM_KEYS = ['repo', 'context', 'ref'] as const;

/** Subjects compared exactly (`exact`) or as IAM `StringLike` patterns (`patterns`). */
export interface TrustedSubjects {
  readonly exact: readonly string[];
  readonly patterns: readonly string[];
}

export interface CiSubjects {
  /** Jobs of the protected environments, on the deploy branch: `pulumi up`. */
  readonly deploy: TrustedSubjects;
  /** Jobs on the deploy branch without an environment: the image builds. */
  readonly push: TrustedSubjects;
  /** Pull requests (when enabled) and the deploy branch (the scheduled drift check): read-only. */
  readonly preview: TrustedSubjects;
}

/**
 * The `sub` claims each CI role trusts, in the format GITHUB_SUB_CLAIM_KEYS gives:
 * - deploy: `<repo>:environment:<env>:ref:refs/heads/<branch>` for each protected environment;
 * - push: `<repo>:ref:refs/heads/<branch>:ref:refs/heads/<branch>` (a job on the branch
 *   without an environment, so no environment job's claim opens it, and it opens nothing else);
 * - preview: the same branch subject and, when enabled, `<repo>:pull_request:ref:refs/pull/*\/merge`,
 *   the only pattern: its `*` stands for the pull request's number, nothing else can vary.
 * Every role with write power (deploy, push) trusts only subjects that carry the branch's ref.
 */
export function githubSubjects(github: GithubConfig): CiSubjects {
  const repo = github.subjectRepo;
  const ref = `ref:refs/heads/${github.branch}`;
  const branch = `${repo}:${ref}:${ref}`;
  return {
    deploy: {
      exact: github.environments.map((environment) => `${repo}:environment:${environment}:${ref}`),
      patterns: [],
    },
    push: { exact: [branch], patterns: [] },
    preview: {
      exact: [branch],
      patterns: github.pullRequests ? [`${repo}:pull_request:ref:refs/pull/*/merge`] : [],
    },
  };
}

/** ciTrustPolicy for GitHub's OIDC provider. */
export function githubTrustPolicy(providerArn: string, subjects: TrustedSubjects): PolicyDocument {
  return ciTrustPolicy(GITHUB_ISSUER, providerArn, subjects);
}

/**
 * A trust policy for a CI issuer's OIDC provider: the audience must be STS and the subject one
 * of the exact subjects (StringEquals) or of the patterns (StringLike, a statement of its own:
 * IAM ANDs the operators of one statement).
 */
export function ciTrustPolicy(
  issuer: CiIssuer,
  providerArn: string,
  subjects: TrustedSubjects,
): PolicyDocument {
  if (subjects.exact.length + subjects.patterns.length === 0) {
    throw new Error('ciTrustPolicy: no subject to trust');
  }
  const aud = `${issuer.host}:aud`;
  const sub = `${issuer.host}:sub`;
  const statement = (
    Sid: string,
    operator: 'StringEquals' | 'StringLike',
    list: readonly string[],
  ): PolicyStatement => ({
    Sid,
    Effect: 'Allow',
    Principal: { Federated: providerArn },
    Action: 'sts:AssumeRoleWithWebIdentity',
    Condition:
      operator === 'StringEquals'
        ? {
            StringEquals: { [aud]: CI_OIDC_AUDIENCE, [sub]: [...list] },
          }
        : {
            StringEquals: { [aud]: CI_OIDC_AUDIENCE },
            StringLike: { [sub]: [...list] },
          },
  });
  return policyDocument([
    ...(subjects.exact.length > 0
      ? [statement(issuer.statementIds.exact, 'StringEquals', subjects.exact)]
      : []),
    ...(subjects.patterns.length > 0
      ? [statement(issuer.statementIds.patterns, 'StringLike', subjects.patterns)]
      : []),
  ]);
}
