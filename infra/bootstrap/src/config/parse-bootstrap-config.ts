import {
  clusterTopology,
  engineOf,
  workspaceEnvironments,
  workspaceRepository,
  type Environment,
  type WorkspaceRepository,
} from '@platform/environments';
import { parseStackConfig, type RawStackConfig } from '@platform/infra-stack-kit';
import { resolveArgoCdSettings } from '@platform/platform';
import * as pulumi from '@pulumi/pulumi';
import type { BootstrapConfig, RepoCredentials } from './bootstrap-config.js';
import { bootstrapChecks } from './bootstrap-checks.js';
import {
  PROJECT,
  bootstrapFields,
  type BootstrapFields,
  type SECRET_KEYS,
} from './bootstrap-fields.js';
import { workloadClustersOf } from './cluster-stacks.js';
import { parseRepoUrl } from './repo-url.js';

export interface ParsedBootstrapConfig {
  readonly config: BootstrapConfig;
  /** Valid but probably unintended settings, for `pulumi.log.warn`. */
  readonly warnings: readonly string[];
}

/**
 * Validates one stack's config (as the CLI hands it over, Pulumi.yaml's defaults applied), all
 * at once, before any resource is declared. Throws one StackConfigError listing every problem.
 * `environments` and `repository` default to libs/environments': the repository's URL and
 * revision are that data, never stack keys, so the Secret and the root Application name the
 * repository exactly as the rendered platform layer does.
 */
export function parseBootstrapConfig(
  raw: RawStackConfig,
  stack: string,
  environments: readonly Environment[] = workspaceEnvironments,
  repository: WorkspaceRepository = workspaceRepository,
): ParsedBootstrapConfig {
  const schema = bootstrapFields(
    stack,
    environments.map((e) => e.name),
  ).superRefine((v, ctx) => bootstrapChecks(v, ctx, environments, repository));
  const v = parseStackConfig(PROJECT, stack, schema, raw);
  // Found and valid: the schema refused anything else.
  const environment = environments.find((e) => e.name === v.environment) as Environment;
  return {
    config: toBootstrapConfig(v, environment, repository),
    warnings: warningsOf(v, environment),
  };
}

function warningsOf(v: BootstrapFields, environment: Environment): string[] {
  if (engineOf(environment) === 'flux') {
    return v.commitStatusToken === ''
      ? [
          `environment '${environment.name}' runs Flux without commitStatusToken: sync results are not reported as commit statuses`,
        ]
      : [];
  }
  const settings = resolveArgoCdSettings(environment);
  return settings.gitWebhook && settings.ingress === undefined
    ? [
        `environment '${environment.name}' has argocd.gitWebhook on but no argocd.ingress: GitHub must reach <argocd>/api/webhook some other way, or pushes sync only on the poll`,
      ]
    : [];
}

function toBootstrapConfig(
  v: BootstrapFields,
  environment: Environment,
  repository: WorkspaceRepository,
): BootstrapConfig {
  // Secrets enter as Pulumi secrets through the Config API, however the stack file holds them.
  const config = new pulumi.Config(PROJECT);
  const secret = (key: (typeof SECRET_KEYS)[number]) => config.requireSecret(key);
  const url = parseRepoUrl(repository.url);
  // The checks refused a kube context for a hub-and-spoke environment, so its hub's stack is set.
  const stackName = v.clusterStack ?? '';
  return {
    environment,
    cluster:
      v.kubeContext !== undefined
        ? { kind: 'kube-context', context: v.kubeContext }
        : { kind: 'stack-reference', stackName },
    workloadClusters: workloadClustersOf(clusterTopology(environment), stackName),
    repo: {
      url: repository.url,
      transport: 'problem' in url ? 'https' : url.transport,
      revision: repository.revision,
      credentials: credentialsOf(v, secret),
    },
    argocdSecrets: {
      ...(v.githubWebhookSecret !== '' ? { webhookSecret: secret('githubWebhookSecret') } : {}),
      ...(v.oidcClientSecret !== '' ? { oidcClientSecret: secret('oidcClientSecret') } : {}),
    },
    flux: {
      ...(v.repoKnownHosts !== '' ? { knownHosts: v.repoKnownHosts } : {}),
      ...(v.commitStatusToken !== '' ? { commitStatusToken: secret('commitStatusToken') } : {}),
    },
  };
}

function credentialsOf(
  v: BootstrapFields,
  secret: (key: (typeof SECRET_KEYS)[number]) => pulumi.Output<string>,
): RepoCredentials {
  switch (v.repoAccess) {
    case 'public':
      return { kind: 'public' };
    case 'ssh':
      return { kind: 'ssh', privateKey: secret('repoSshPrivateKey') };
    case 'github-app':
      return {
        kind: 'github-app',
        appId: v.githubAppId ?? '',
        installationId: v.githubAppInstallationId ?? '',
        privateKey: secret('githubAppPrivateKey'),
      };
  }
}
