import type { Environment, EnvironmentCluster } from '@platform/environments';
import { testEnvironment } from '@platform/environments/testing';

/** The fixtures' accounts and repository: never the values a team commits in its stack files. */
export const FIXTURE_ACCOUNTS = {
  staging: '100000000001',
  production: '100000000002',
  live: '100000000003',
} as const;
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
 * The fixtures' hub-and-spoke environment, `live`: a hub in eu-west-1 and a workload cluster in
 * us-east-1, each created by its own stack.
 */
export const LIVE_CLUSTERS: readonly EnvironmentCluster[] = [
  { name: 'hub', role: 'hub', region: 'eu-west-1', stack: 'live-hub' },
  { name: 'east', region: 'us-east-1', stack: 'live-east' },
];

/** A listed cluster's stack, shaped like a single one; its region is its cluster's. */
const live = (region: string, vpcCidr: string) => ({
  ...common,
  accountId: FIXTURE_ACCOUNTS.live,
  region,
  availabilityZones: [`${region}a`, `${region}b`],
  vpcCidr,
  natGateways: 'single',
  endpointPublicAccessCidrs: ['203.0.113.0/24'],
  nodeMinSize: 2,
  nodeDesiredSize: 2,
  nodeMaxSize: 4,
  githubEnvironments: ['live'],
});

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
  'live-hub': live('eu-west-1', '10.30.0.0/16'),
  'live-east': live('us-east-1', '10.31.0.0/16'),
};

/** The fixture stack's values (a copy: tests may change it). */
export function stackConfig(stack: string): Record<string, unknown> {
  const config = FIXTURE_STACKS[stack];
  if (!config)
    throw new Error(
      `no fixture stack '${stack}' (fixtures: ${Object.keys(FIXTURE_STACKS).join(', ')})`,
    );
  return structuredClone(config);
}

/** The registry a stack of these values creates (`<account>.dkr.ecr.<region>…/<prefix>`). */
function registryOf(raw: Readonly<Record<string, unknown>>, stack: string): string {
  const prefix = `${String(raw['platformName'] ?? 'platform')}-${stack}`;
  return `${String(raw['accountId'])}.dkr.ecr.${String(raw['region'])}.amazonaws.com/${prefix}`;
}

/**
 * The environments a stack of these values belongs among: `staging` and `production` (one
 * cluster each), the one named `stack` with the image registry the values make (as
 * libs/environments must say), and `live` (LIVE_CLUSTERS), whose registry is its hub stack's.
 */
export function environmentsFor(
  raw: Readonly<Record<string, unknown>>,
  stack: string,
): Environment[] {
  const hubRegistry =
    stack === 'live-hub' ? registryOf(raw, stack) : registryOf(stackConfig('live-hub'), 'live-hub');
  return [
    ...['staging', 'production'].map((name) =>
      testEnvironment(name, {
        imageRegistry: name === stack ? registryOf(raw, stack) : `registry.test/${name}`,
      }),
    ),
    testEnvironment('live', { imageRegistry: hubRegistry, clusters: LIVE_CLUSTERS }),
  ];
}
