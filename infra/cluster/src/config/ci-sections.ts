import * as check from './checks.js';
import type { GithubConfig, StateBackendConfig } from './cluster-config.js';
import { ConfigError } from './config-error.js';
import type { ConfigValues } from './config-fields.js';

/** The sections of parseClusterConfig for CI access; each throws naming the bad key. */

export function githubConfig(v: ConfigValues): GithubConfig {
  const noWildcards = /^[A-Za-z0-9._-]+$/;
  if (!v.githubDeployFromBranch && v.githubEnvironments.length === 0) {
    throw new ConfigError(
      'githubDeployFromBranch',
      'is false and infra-cluster:githubEnvironments is empty: no workflow could deploy',
    );
  }
  return {
    repository: check.matching(
      'githubRepository',
      v.githubRepository,
      /^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/,
      'owner/repository',
    ),
    branch: check.matching(
      'githubBranch',
      v.githubBranch,
      /^[A-Za-z0-9._/-]+$/,
      'a branch name (no wildcards)',
    ),
    deployFromBranch: v.githubDeployFromBranch,
    deployClusterAdmin: v.githubDeployClusterAdmin,
    pullRequests: v.githubPullRequests,
    environments: check.everyMatching(
      'githubEnvironments',
      check.unique('githubEnvironments', v.githubEnvironments),
      noWildcards,
      'a GitHub environment name (no wildcards)',
    ),
    oidcProviderArn: optional(v.githubOidcProviderArn, (arn) =>
      check.matching(
        'githubOidcProviderArn',
        arn,
        new RegExp(
          `^${check.ARN_PARTITION}:iam::\\d{12}:oidc-provider/token\\.actions\\.githubusercontent\\.com$`,
        ),
        'the ARN of a token.actions.githubusercontent.com OIDC provider',
      ),
    ),
  };
}

export function stateBackendConfig(v: ConfigValues): StateBackendConfig {
  return {
    bucket: optional(v.pulumiStateBucket, (bucket) =>
      check.matching(
        'pulumiStateBucket',
        bucket,
        /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
        'an S3 bucket name',
      ),
    ),
    secretsKeyArn: optional(v.pulumiSecretsKeyArn, (arn) =>
      check.matching(
        'pulumiSecretsKeyArn',
        arn,
        new RegExp(`^${check.ARN_PARTITION}:kms:[a-z0-9-]+:\\d{12}:key/[0-9a-f-]+$`),
        'a KMS key ARN (not an alias: IAM grants apply to the key)',
      ),
    ),
  };
}

function optional(value: string | undefined, parse: (value: string) => string): string | undefined {
  return value === undefined ? undefined : parse(value);
}
