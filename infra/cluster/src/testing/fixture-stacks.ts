import type { Environment } from '@platform/environments';
import { testEnvironment } from '@platform/environments/testing';

/** The fixtures' accounts and repository: never the values a team commits in its stack files. */
export const FIXTURE_ACCOUNTS = { staging: '100000000001', production: '100000000002' } as const;
export const FIXTURE_REPOSITORY = 'fixture-org/fixture-repo';

const common = {
  region: 'eu-west-1',
  availabilityZones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'],
  kubernetesVersion: '1.35',
  nodeInstanceTypes: ['m7i.large'],
  githubRepository: FIXTURE_REPOSITORY,
  githubPullRequests: true,
};

/**
 * Two stacks shaped like the template's own (a small staging, a protected production in its
 * own account pulling staging's images), keys without the `infra-cluster:` prefix, as YAML
 * types them: what parseClusterConfig gets in tests. Tests never read the committed stack files.
 */
const FIXTURE_STACKS: Readonly<Record<string, Record<string, unknown>>> = {
  staging: {
    ...common,
    accountId: FIXTURE_ACCOUNTS.staging,
    vpcCidr: '10.10.0.0/16',
    natGateways: 'single',
    endpointPublicAccessCidrs: ['203.0.113.0/24', '198.51.100.0/24'],
    controlPlaneLogRetentionDays: 30,
    nodeMinSize: 2,
    nodeDesiredSize: 2,
    nodeMaxSize: 4,
    nodeDiskSizeGib: 50,
    ecrKeepLastImages: 30,
    ecrPullAccountIds: [FIXTURE_ACCOUNTS.production],
    githubEnvironments: ['staging'],
  },
  production: {
    ...common,
    accountId: FIXTURE_ACCOUNTS.production,
    vpcCidr: '10.20.0.0/16',
    natGateways: 'per-zone',
    endpointPublicAccessCidrs: ['203.0.113.10/32'],
    controlPlaneLogRetentionDays: 365,
    clusterDeletionProtection: true,
    nodeInstanceTypes: ['m7i.xlarge'],
    nodeMinSize: 3,
    nodeDesiredSize: 3,
    nodeMaxSize: 9,
    nodeDiskSizeGib: 100,
    ecrKeepLastImages: 100,
    githubEnvironments: ['production'],
  },
};

/** The fixture stack's values (a copy: tests may change it). */
export function stackConfig(stack: string): Record<string, unknown> {
  const config = FIXTURE_STACKS[stack];
  if (!config) throw new Error(`no fixture stack '${stack}' (fixtures: staging, production)`);
  return structuredClone(config);
}

/**
 * The environments a stack of these values belongs among: `staging` and `production`, the one
 * named `stack` with the image registry the values make (as libs/environments must say).
 */
export function environmentsFor(
  raw: Readonly<Record<string, unknown>>,
  stack: string,
): Environment[] {
  const prefix = `${String(raw['platformName'] ?? 'platform')}-${stack}`;
  const registry = `${String(raw['accountId'])}.dkr.ecr.${String(raw['region'])}.amazonaws.com/${prefix}`;
  return ['staging', 'production'].map((name) =>
    testEnvironment(name, { imageRegistry: name === stack ? registry : `registry.test/${name}` }),
  );
}
