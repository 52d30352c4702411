import { workspaceEnvironments } from '@platform/environments';
import type { BootstrapConfig, ClusterAccess } from './bootstrap-config.js';
import { CONFIG_KEYS, PROJECT, isConfigKey } from './config-keys.js';
import { ConfigReader, type RawBootstrapConfig } from './config-reader.js';
import { parseArgoCdSettings } from './parse-argocd-settings.js';
import { parseRepoSettings } from './parse-repo-settings.js';

/** Invalid stack config: every problem, one a line, each naming its key. */
export class BootstrapConfigError extends Error {
  override name = 'BootstrapConfigError';

  constructor(
    readonly stackName: string,
    readonly problems: readonly string[],
  ) {
    super(`stack '${stackName}' has invalid config:\n  - ${problems.join('\n  - ')}`);
  }
}

export interface ParsedBootstrapConfig {
  readonly config: BootstrapConfig;
  /** Valid but probably unintended settings, for `pulumi.log.warn`. */
  readonly warnings: readonly string[];
}

/**
 * Validates one stack's config, all at once, before any resource is declared. Throws a
 * BootstrapConfigError listing every problem. `environments` defaults to libs/environments'.
 */
export function parseBootstrapConfig(
  raw: RawBootstrapConfig,
  stack: string,
  environments: readonly string[] = workspaceEnvironments.map((e) => e.name),
): ParsedBootstrapConfig {
  const reader = new ConfigReader(raw);
  for (const key of Object.keys(raw.values)) {
    if (!isConfigKey(key)) {
      reader.problems.push(
        `${PROJECT}:${key} is not a config key of this program (known: ${Object.keys(CONFIG_KEYS).join(', ')})`,
      );
    }
  }
  const environment = parseEnvironment(reader, stack, environments);
  const cluster = parseCluster(reader, environment);
  const repo = parseRepoSettings(reader);
  const { settings: argocd, warnings } = parseArgoCdSettings(reader);
  if (reader.problems.length > 0 || !cluster || !repo) {
    throw new BootstrapConfigError(stack, reader.problems);
  }
  return { config: { environment, cluster, repo, argocd }, warnings };
}

function parseEnvironment(reader: ConfigReader, stack: string, known: readonly string[]): string {
  const environment = reader.required('environment', `one of ${known.join(', ')}`);
  if (environment === undefined) return '';
  if (!known.includes(environment)) {
    reader.problem(
      'environment',
      `'${environment}' is not an environment of the workspace (known: ${known.join(', ')})`,
    );
    return '';
  }
  if (known.includes(stack) && environment !== stack) {
    reader.problem(
      'environment',
      `'${environment}' does not match the stack: stack '${stack}' bootstraps environment '${stack}' (only a stack not named after an environment, like 'local', chooses)`,
    );
  }
  return environment;
}

function parseCluster(reader: ConfigReader, environment: string): ClusterAccess | undefined {
  const stackName = reader.text('clusterStack');
  const context = reader.text('kubeContext');
  if ((stackName === undefined) === (context === undefined)) {
    const which = stackName === undefined ? 'neither is set' : 'both are set';
    reader.problem(
      'clusterStack',
      `or infra-bootstrap:kubeContext must be set, not both (${which})`,
    );
    return undefined;
  }
  if (context !== undefined) {
    if (/\s/.test(context))
      reader.problem('kubeContext', `'${context}' is not a kubeconfig context name`);
    return { kind: 'kube-context', context };
  }
  const [org, project, clusterEnvironment, ...rest] = (stackName ?? '').split('/');
  if (!org || project !== 'infra-cluster' || !clusterEnvironment || rest.length > 0) {
    reader.problem(
      'clusterStack',
      `'${stackName}' is not a stack of the cluster project (<org>/infra-cluster/<stack>)`,
    );
  } else if (environment !== '' && clusterEnvironment !== environment) {
    reader.problem(
      'clusterStack',
      `'${stackName}' is the cluster of '${clusterEnvironment}', not of environment '${environment}'`,
    );
  }
  return { kind: 'stack-reference', stackName: stackName ?? '' };
}
