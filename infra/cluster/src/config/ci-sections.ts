import * as check from './checks.js';
import type { GithubConfig, StateBackendConfig } from './cluster-config.js';
import { ConfigError } from './config-error.js';
import type { ConfigValues } from './config-fields.js';

/** The sections of parseClusterConfig for CI access; each throws naming the bad key. */

export function githubConfig(v: ConfigValues): GithubConfig {
  const noWildcards = /^[A-Za-z0-9._-]+$/;
  if (v.githubEnvironments.length === 0) {
    throw new ConfigError(
      'githubEnvironments',
      'is empty: only jobs of a protected GitHub environment deploy, so no workflow could',
    );
  }
  const repository = check.matching(
    'githubRepository',
    v.githubRepository,
    /^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/,
    'owner/repository',
  );
  return {
    repository,
    subjectRepo:
      optional(v.githubSubjectPrefix, (prefix) =>
        check.matching(
          'githubSubjectPrefix',
          prefix,
          /^repo:[A-Za-z0-9-]+(@\d+)?\/[A-Za-z0-9._-]+(@\d+)?$/,
          'repo:<owner>/<repo>, or with IDs repo:<owner>@<id>/<repo>@<id> (no wildcards)',
        ),
      ) ?? `repo:${repository}`,
    branch: check.matching(
      'githubBranch',
      v.githubBranch,
      /^[A-Za-z0-9._/-]+$/,
      'a branch name (no wildcards)',
    ),
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
    secretsKeyArn: optional(v.pulumiSecretsKeyArn, (arn) => kmsKeyArn('pulumiSecretsKeyArn', arn)),
    bootstrapSecretsKeyArn: optional(v.pulumiBootstrapSecretsKeyArn, (arn) => {
      if (arn === v.pulumiSecretsKeyArn) {
        throw new ConfigError(
          'pulumiBootstrapSecretsKeyArn',
          'is the same key as infra-cluster:pulumiSecretsKeyArn, which previews may decrypt with: give infra-bootstrap a key of its own',
        );
      }
      return kmsKeyArn('pulumiBootstrapSecretsKeyArn', arn);
    }),
  };
}

function kmsKeyArn(key: string, arn: string): string {
  return check.matching(
    key,
    arn,
    new RegExp(`^${check.ARN_PARTITION}:kms:[a-z0-9-]+:\\d{12}:key/[0-9a-f-]+$`),
    'a KMS key ARN (not an alias: IAM grants apply to the key)',
  );
}

function optional(value: string | undefined, parse: (value: string) => string): string | undefined {
  return value === undefined ? undefined : parse(value);
}
