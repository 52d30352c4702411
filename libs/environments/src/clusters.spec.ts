import { describe, expect, it } from 'vitest';
import { Catalog } from './catalog.js';
import {
  clusterEnvironment,
  clusterOfStack,
  clusterStacks,
  clustersWithOwnValues,
  clusterTopology,
  engineClusterStack,
  type EnvironmentCluster,
} from './clusters.js';
import { testEnvironment } from './testing/index.js';

const hub: EnvironmentCluster = {
  name: 'mgmt',
  region: 'eu-central-1',
  stack: 'live-mgmt',
  role: 'hub',
};
const west: EnvironmentCluster = { name: 'west', region: 'eu-central-1', stack: 'live-west' };
const east: EnvironmentCluster = {
  name: 'east',
  region: 'ap-southeast-2',
  stack: 'live-east',
  values: { logLevel: 'warn', config: { shop: { CURRENCY: 'AUD' } } },
};
const live = testEnvironment('live', {
  clusters: [hub, west, east],
  config: { shop: { CURRENCY: 'EUR', LOCALE: 'en' } },
});

describe('clusterTopology', () => {
  it('is one cluster, the stack named after the environment, when the data lists none', () => {
    expect(clusterTopology(testEnvironment('stage'))).toEqual({ kind: 'single', stack: 'stage' });
  });

  it('splits the list into the hub and its workload clusters', () => {
    expect(clusterTopology(live)).toEqual({ kind: 'hub-and-spoke', hub, workloads: [west, east] });
  });

  it.each([
    [[west, east], "exactly one with role 'hub' (found none)"],
    [
      [hub, { ...west, role: 'hub' as const }, east],
      "exactly one with role 'hub' (found 'mgmt', 'west')",
    ],
    [[hub], 'no workload cluster'],
    [[hub, west, { ...east, name: 'west' }], "cluster 'west' is listed twice"],
    [[hub, { ...west, name: 'West' }], "cluster name 'West' is not a DNS-1123 label"],
    [[hub, { ...west, region: 'mars' }], "region 'mars' is not an AWS region"],
    [[hub, { ...west, stack: 'Live_West' }], "stack 'Live_West' is not a DNS-1123 label"],
    [[hub, { ...west, role: 'spoke' as never }], "role 'spoke' is not one of hub, workload"],
    [[{ ...hub, values: { logLevel: 'warn' as const } }, west], "hub 'mgmt' has values"],
  ])('refuses a bad list, naming the problem (%#)', (clusters, message) => {
    expect(() => clusterTopology(testEnvironment('live', { clusters }))).toThrow(message);
  });

  it('refuses many clusters on Flux, which runs in each cluster it syncs', () => {
    expect(() =>
      clusterTopology(testEnvironment('live', { engine: 'flux', clusters: [hub, west] })),
    ).toThrow("environment 'live': clusters need engine 'argocd'");
  });
});

describe('per-cluster values', () => {
  it('gives a directory only to the clusters with values of their own', () => {
    expect(clustersWithOwnValues(live).map((c) => c.name)).toEqual(['east']);
    expect(clustersWithOwnValues(testEnvironment('stage'))).toEqual([]);
    expect(
      clustersWithOwnValues(
        testEnvironment('live', { clusters: [hub, west, { ...east, values: {} }] }),
      ),
    ).toEqual([]);
  });

  it('renders a cluster with its values over the environment, config merged key by key', () => {
    const rendered = clusterEnvironment(live, east);
    expect(rendered.logLevel).toBe('warn');
    expect(rendered.config).toEqual({ shop: { CURRENCY: 'AUD', LOCALE: 'en' } });
    expect(rendered.workloads).toEqual(live.workloads);
    expect(rendered.name).toBe('live');
  });
});

describe('engineClusterStack', () => {
  it("is the hub's stack, with its region, or the one named after a single environment", () => {
    expect(engineClusterStack(live)).toEqual({ stack: 'live-mgmt', region: 'eu-central-1' });
    expect(engineClusterStack(testEnvironment('stage'))).toEqual({ stack: 'stage' });
  });
});

describe('clusterOfStack', () => {
  const stage = testEnvironment('stage');

  it('finds the single cluster by the environment name, and listed clusters by their stack', () => {
    expect(clusterOfStack([stage, live], 'stage')).toMatchObject({
      role: 'single',
      hubStack: undefined,
    });
    expect(clusterOfStack([stage, live], 'live-mgmt')).toMatchObject({ role: 'hub', cluster: hub });
    expect(clusterOfStack([stage, live], 'live-east')).toMatchObject({
      role: 'workload',
      cluster: east,
      hubStack: 'live-mgmt',
    });
  });

  it('knows no stack that no cluster names (an environment with a list has no stack of its name)', () => {
    expect(clusterOfStack([stage, live], 'live')).toBeUndefined();
  });
});

describe('clusterStacks', () => {
  it('lists every stack once and refuses one that two clusters share', () => {
    expect(clusterStacks([testEnvironment('stage'), live])).toEqual([
      'stage',
      'live-mgmt',
      'live-west',
      'live-east',
    ]);
    expect(() =>
      clusterStacks([
        testEnvironment('stage'),
        testEnvironment('live', { clusters: [hub, { ...west, stack: 'stage' }] }),
      ]),
    ).toThrow(
      "stack 'stage' is created by both environment 'stage' and cluster 'west' of environment 'live'",
    );
  });

  it("refuses a stack whose name begins another's, whose resources its roles would reach", () => {
    expect(() =>
      clusterStacks([
        testEnvironment('live', {
          clusters: [
            { ...hub, stack: 'live' },
            { ...west, stack: 'live-west' },
          ],
        }),
      ]),
    ).toThrow(
      "stack 'live' (cluster 'mgmt' of environment 'live') is a prefix of stack 'live-west'",
    );
    expect(() => clusterStacks([testEnvironment('live'), testEnvironment('live-eu')])).toThrow(
      "stack 'live' (environment 'live') is a prefix of stack 'live-eu' (environment 'live-eu')",
    );
  });

  it('makes the catalog refuse such data', () => {
    expect(() => new Catalog([testEnvironment('live', { clusters: [hub] })], [])).toThrow(
      'no workload cluster',
    );
  });
});
