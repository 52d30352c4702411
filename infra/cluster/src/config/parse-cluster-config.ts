import { workspaceEnvironments, type Environment } from '@platform/environments';
import * as check from './checks.js';
import type { ClusterConfig } from './cluster-config.js';
import { ConfigError, show } from './config-error.js';
import { readConfigValues } from './config-fields.js';
import { githubConfig, stateBackendConfig } from './ci-sections.js';
import { eksConfig, networkConfig, nodeGroupConfig } from './config-sections.js';

/**
 * Reads and checks a stack's configuration (keys without the `infra-cluster:` namespace) before
 * anything is declared. Throws a ConfigError naming the first bad key and its value. The stack
 * is an environment of libs/environments (tests pass their own).
 */
export function parseClusterConfig(
  raw: Readonly<Record<string, unknown>>,
  stack: string,
  environments: readonly Environment[] = workspaceEnvironments,
): ClusterConfig {
  const environment = environments.find((e) => e.name === stack);
  if (!environment) {
    throw new ConfigError(
      'stack',
      `${show(stack)} is not an environment of libs/environments (known: ${environments.map((e) => e.name).join(', ')})`,
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
  const accountId = check.matching(
    'accountId',
    values.accountId,
    /^\d{12}$/,
    'a 12-digit account id',
  );
  const partition = partitionOf(region);
  const registryUrl = `${accountId}.dkr.ecr.${region}.${partition === 'aws-cn' ? 'amazonaws.com.cn' : 'amazonaws.com'}/${namePrefix}`;
  // Releases push where the environment data says; this stack must create that registry.
  if (environment.imageRegistry !== registryUrl) {
    throw new ConfigError(
      'stack',
      `environment '${stack}' pushes its images to '${environment.imageRegistry}' (imageRegistry in libs/environments), ` +
        `but this stack's registry is '${registryUrl}' (accountId, region, platformName): make them the same`,
    );
  }
  return {
    environment: stack,
    platformName,
    namePrefix,
    accountId,
    region,
    partition,
    network: networkConfig(values, region),
    cluster: eksConfig(values, namePrefix),
    nodes: nodeGroupConfig(values),
    registry: {
      repositoryPrefix: namePrefix,
      url: registryUrl,
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
