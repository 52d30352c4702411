import { workspaceCatalog } from '@platform/environments';
import * as check from './checks.js';
import type { ClusterConfig } from './cluster-config.js';
import { ConfigError, show } from './config-error.js';
import { readConfigValues } from './config-fields.js';
import { githubConfig, stateBackendConfig } from './ci-sections.js';
import { eksConfig, networkConfig, nodeGroupConfig } from './config-sections.js';

/** The names the workspace catalog knows; tests pass their own. */
export interface CatalogNames {
  readonly environments: readonly string[];
  readonly apps: readonly string[];
}

const workspaceNames: CatalogNames = {
  environments: workspaceCatalog.environmentNames(),
  apps: workspaceCatalog.appNames(),
};

/**
 * Reads and checks a stack's configuration (keys without the `infra-cluster:` namespace) before
 * anything is declared. Throws a ConfigError naming the first bad key and its value.
 */
export function parseClusterConfig(
  raw: Readonly<Record<string, unknown>>,
  stack: string,
  catalog: CatalogNames = workspaceNames,
): ClusterConfig {
  if (!catalog.environments.includes(stack)) {
    throw new ConfigError(
      'stack',
      `${show(stack)} is not an environment of the workspace catalog (known: ${catalog.environments.join(', ')})`,
    );
  }
  const values = readConfigValues(raw);
  const region = check.matching(
    'region',
    values.region,
    /^[a-z]{2}(-[a-z]+)+-\d$/,
    'an AWS region',
  );
  const platformName = check.matching(
    'platformName',
    values.platformName,
    /^[a-z]([-a-z0-9]*[a-z0-9])?$/,
    'a lowercase DNS label',
  );
  // IAM role names (64 characters) are built from this prefix plus up to 32 characters.
  const namePrefix = `${platformName}-${stack}`;
  if (namePrefix.length > 32) {
    throw new ConfigError('platformName', `makes the name prefix '${namePrefix}' longer than 32`);
  }
  return {
    environment: stack,
    platformName,
    namePrefix,
    accountId: check.matching('accountId', values.accountId, /^\d{12}$/, 'a 12-digit account id'),
    region,
    partition: partitionOf(region),
    network: networkConfig(values, region),
    cluster: eksConfig(values, namePrefix),
    nodes: nodeGroupConfig(values),
    registry: {
      apps: catalog.apps,
      repositoryPrefix: namePrefix,
      keepLastImages: check.inRange('ecrKeepLastImages', values.ecrKeepLastImages, 1, 1000),
      pullAccountIds: check.everyMatching(
        'ecrPullAccountIds',
        values.ecrPullAccountIds as readonly string[],
        /^\d{12}$/,
        'a 12-digit account id',
      ),
    },
    github: githubConfig(values),
    stateBackend: stateBackendConfig(values),
  };
}

function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}
