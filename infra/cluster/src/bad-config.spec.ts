import * as pulumi from '@pulumi/pulumi';
import { beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, PROJECT } from './config/config-error.js';
import { parseClusterConfig } from './config/parse-cluster-config.js';
import type { defineCluster as DefineCluster } from './program.js';
import { platformMocks } from './testing/platform-mocks.js';
import { ResourceRecorder } from './testing/resource-recorder.js';
import { environmentsFor, stackConfig } from './testing/fixture-stacks.js';

const recorder = new ResourceRecorder();
let defineCluster: typeof DefineCluster;

beforeAll(async () => {
  await pulumi.runtime.setMocks(platformMocks(recorder), PROJECT, 'staging', false);
  ({ defineCluster } = await import('./program.js'));
});

/** What index.ts does: check the configuration, then declare. */
const run = (changes: Record<string, unknown>, stack = 'staging') => {
  const raw = { ...stackConfig('staging'), ...changes };
  return defineCluster(parseClusterConfig(raw, stack, environmentsFor(raw, stack)));
};

describe('a bad configuration fails before any resource is declared', () => {
  it.each([
    ['a malformed CIDR', { vpcCidr: '10.0.0/16' }, 'staging', 'vpcCidr'],
    ['fewer than two zones', { availabilityZones: ['eu-west-1a'] }, 'staging', 'availabilityZones'],
    [
      'a node minimum above the maximum',
      { nodeMinSize: 6, nodeMaxSize: 4 },
      'staging',
      'nodeMinSize',
    ],
    ['an unknown environment', {}, 'qa', 'stack'],
    [
      'a Kubernetes version out of standard support',
      { kubernetesVersion: '1.33' },
      'staging',
      'kubernetesVersion',
    ],
  ])('%s', (_, changes, stack, key) => {
    let thrown: unknown;
    try {
      run(changes, stack);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    expect((thrown as ConfigError).key).toBe(key);
    expect((thrown as ConfigError).message).toContain(
      key === 'stack' ? "stack: 'qa'" : `infra-cluster:${key}:`,
    );
    expect(recorder.resources).toEqual([]);
  });

  it('while a good one declares the stack (the check above can fail)', async () => {
    run({});
    await pulumi.runtime.disconnect();
    expect(recorder.resources.length).toBeGreaterThan(0);
  });
});
