import type { CiConfig, CiProvider } from '../config/cluster-config.js';
import { gitlabIssuer, gitlabSubjects } from './gitlab-trust.js';
import { GITHUB_ISSUER, githubSubjects, type CiIssuer, type CiSubjects } from './trust-policy.js';

/** Whom a stack's CI roles trust, from its `ciProvider` and that provider's keys. */
export interface CiTrust {
  readonly provider: CiProvider;
  readonly issuer: CiIssuer;
  readonly subjects: CiSubjects;
  /** Who assumes the roles, for their descriptions: `GitHub Actions of owner/repo`. */
  readonly assumedBy: string;
  /** An existing IAM OIDC provider of the issuer; undefined, the stack creates it. */
  readonly oidcProviderArn: string | undefined;
}

export function ciTrust(ci: CiConfig): CiTrust {
  if (ci.provider === 'gitlab') {
    return {
      provider: 'gitlab',
      issuer: gitlabIssuer(ci.host),
      subjects: gitlabSubjects(ci),
      assumedBy: `GitLab CI of ${ci.host}/${ci.project}`,
      oidcProviderArn: ci.oidcProviderArn,
    };
  }
  return {
    provider: 'github',
    issuer: GITHUB_ISSUER,
    subjects: githubSubjects(ci),
    assumedBy: `GitHub Actions of ${ci.repository}`,
    oidcProviderArn: ci.oidcProviderArn,
  };
}
