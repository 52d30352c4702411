import { StackConfigError } from '@platform/infra-stack-kit';
import { testEnvironment } from '@platform/environments/testing';
import { rawStackConfig } from '@platform/infra-stack-kit/testing';
import { describe, expect, it } from 'vitest';
import { configProblems, parseStaging } from '../testing/config-changes.js';
import { LIVE_CLUSTERS, stackConfig } from '../testing/fixture-stacks.js';
import { CLUSTER_PROJECT } from '../testing/stack-files.js';
import { parseClusterConfig } from './parse-cluster-config.js';

/** A listed cluster's fixture stack (`live-hub`, `live-east`) with `changes` on top. */
const parseLive = (stack: string, changes: Record<string, unknown> = {}) =>
  parseStaging(changes, stack, stack);
const liveProblems = (stack: string, changes: Record<string, unknown>) =>
  configProblems(changes, stack, stack);

describe('the cluster a stack creates (libs/environments clusterOfStack)', () => {
  it("an environment's one cluster: the stack is the environment, as before", () => {
    expect(parseStaging({})).toMatchObject({
      environment: 'staging',
      stack: 'staging',
      placement: { role: 'single' },
      namePrefix: 'platform-staging',
    });
  });

  it("a hub: the listed cluster's stack, named after its stack, in its environment", () => {
    expect(parseLive('live-hub')).toMatchObject({
      environment: 'live',
      stack: 'live-hub',
      placement: { role: 'hub', cluster: 'hub', workloadStacks: ['live-east'] },
      namePrefix: 'platform-live-hub',
      cluster: { name: 'platform-live-hub' },
      region: 'eu-west-1',
      dns: { domain: 'live.test', hostedZoneId: undefined },
    });
  });

  it('a workload cluster, with the stack of its hub', () => {
    expect(parseLive('live-east')).toMatchObject({
      environment: 'live',
      stack: 'live-east',
      placement: { role: 'workload', cluster: 'east', hubStack: 'live-hub' },
      namePrefix: 'platform-live-east',
      region: 'us-east-1',
    });
  });
});

describe('a listed cluster’s stack refuses', () => {
  it('a region other than its cluster’s, naming both', () => {
    expect(
      liveProblems('live-east', {
        region: 'eu-west-1',
        availabilityZones: ['eu-west-1a', 'eu-west-1b'],
      }),
    ).toEqual([
      "infra-cluster:region: 'eu-west-1' is not the region of cluster 'east' of environment 'live' ('us-east-1' in libs/environments): make them the same",
    ]);
    expect(
      liveProblems('live-hub', {
        region: 'us-east-1',
        availabilityZones: ['us-east-1a', 'us-east-1b'],
      }),
    ).toContainEqual(
      "infra-cluster:region: 'us-east-1' is not the region of cluster 'hub' of environment 'live' ('eu-west-1' in libs/environments): make them the same",
    );
  });

  it('on a workload cluster, a zone or registry setting of its own (the hub stack owns both)', () => {
    expect(
      liveProblems('live-east', {
        hostedZoneId: 'Z0EXISTINGOTHER',
        ecrPullAccountIds: ['100000000002'],
      }),
    ).toEqual([
      "infra-cluster:hostedZoneId: is set, but a workload cluster's stack uses the hub stack's zone (its hostedZoneId output): remove it (cluster 'east' of environment 'live')",
      "infra-cluster:ecrPullAccountIds: is set, but a workload cluster's stack creates no image registry (the hub stack's holds the images): remove it (cluster 'east' of environment 'live')",
    ]);
  });

  it("on a hub, a registry other than the one the environment's releases push to", () => {
    const elsewhere = [
      testEnvironment('live', {
        imageRegistry: 'registry.test/elsewhere',
        clusters: LIVE_CLUSTERS,
      }),
    ];
    const parse = (stack: string) =>
      parseClusterConfig(rawStackConfig(CLUSTER_PROJECT, stackConfig(stack)), stack, elsewhere);
    expect(() => parse('live-hub')).toThrow(StackConfigError);
    expect(() => parse('live-hub')).toThrow(
      "environment 'live' pushes its images to 'registry.test/elsewhere' (imageRegistry in libs/environments), but this stack's registry is '100000000003.dkr.ecr.eu-west-1.amazonaws.com/platform-live-hub'",
    );
    // A workload cluster creates no registry: the environment's is the hub's, wherever it is.
    expect(parse('live-east').placement.role).toBe('workload');
  });

  it('a stack no environment lists, naming every stack', () => {
    expect(configProblems({}, 'live-west', 'live-east')).toEqual([
      "stack: 'live-west' is not a stack of libs/environments: neither an environment without clusters nor a listed cluster's stack (known: staging, production, live-hub, live-east)",
    ]);
  });
});
