import { StackConfigError } from '@platform/infra-stack-kit';
import { installMocks, settle, type ResourceRecorder } from '@platform/infra-stack-kit/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT } from './config/parse-cluster-config.js';
import type { defineCluster as DefineCluster } from './program.js';
import { parseStaging } from './testing/config-changes.js';
import { platformMocks } from './testing/platform-mocks.js';

let recorder: ResourceRecorder;
let defineCluster: typeof DefineCluster;

beforeAll(async () => {
  ({ recorder } = await installMocks(PROJECT, 'staging', platformMocks));
  ({ defineCluster } = await import('./program.js'));
});

/** What index.ts does: check the configuration, then declare. */
const run = (changes: Record<string, unknown>, stack = 'staging') =>
  defineCluster(parseStaging(changes, stack));

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
    expect(thrown).toBeInstanceOf(StackConfigError);
    expect((thrown as StackConfigError).message).toContain(
      key === 'stack' ? "stack: 'qa'" : `infra-cluster:${key}:`,
    );
    expect(recorder.resources).toEqual([]);
  });

  it('reports every bad key at once, one a line, in one error', () => {
    expect(() => run({ vpcCidr: '10.0.0/16', nodeAmiType: 'AL2', accountId: '1' })).toThrow(
      /^stack 'staging' has invalid config:\n {2}- infra-cluster:accountId: .*\n {2}- infra-cluster:vpcCidr: .*\n {2}- infra-cluster:nodeAmiType: /,
    );
  });

  it('while a good one declares the stack (the check above can fail)', async () => {
    run({});
    await settle();
    expect(recorder.resources.length).toBeGreaterThan(0);
  });
});
