import { beforeAll, describe, expect, it } from 'vitest';
import { parseCidr } from './config/cidr.js';
import type { ClusterConfig } from './config/cluster-config.js';
import { defineStacks, stackNamed, type DefinedStack } from './testing/define-stacks.js';
import type { ResourceRecorder } from '@platform/infra-stack-kit/testing';

let recorder: ResourceRecorder;
let stacks: Record<string, DefinedStack>;

// The two fixture stacks, shaped like the template's, compared resource by resource: each value
// reaches the resource it is for.
beforeAll(async () => {
  ({ recorder, stacks } = await defineStacks(['staging', 'production']));
});

describe('production is larger and tighter than staging', () => {
  const config = (stack: string): ClusterConfig => stackNamed(stacks, `platform-${stack}`).config;
  const group = (stack: string) =>
    recorder.find('eks:index:ManagedNodeGroup', `platform-${stack}-nodes-group`).inputs;
  const SIZES = ['medium', 'large', 'xlarge', '2xlarge', '4xlarge', '8xlarge'];
  const sizeRank = (instanceType: string) => SIZES.indexOf(instanceType.split('.')[1] ?? '');
  const addresses = (stack: string) =>
    (
      recorder.find('eks:index:Cluster', `platform-${stack}-cluster-eks`).inputs[
        'publicAccessCidrs'
      ] as string[]
    )
      .map((block) => 2 ** (32 - (parseCidr(block)?.prefix ?? 0)))
      .reduce((a, b) => a + b, 0);

  it('runs more nodes, and can scale further', () => {
    for (const key of ['minSize', 'desiredSize', 'maxSize']) {
      expect(group('production').scalingConfig[key]).toBeGreaterThan(
        group('staging').scalingConfig[key],
      );
    }
  });

  it('runs larger nodes with larger volumes', () => {
    const smallest = (stack: string) =>
      Math.min(...(group(stack).instanceTypes as string[]).map(sizeRank));
    expect(smallest('staging')).toBeGreaterThanOrEqual(0);
    expect(smallest('production')).toBeGreaterThan(smallest('staging'));
    expect(config('production').nodes.diskSizeGib).toBeGreaterThan(
      config('staging').nodes.diskSizeGib,
    );
  });

  it('has a NAT gateway per zone where staging shares one', () => {
    expect(recorder.named('aws:ec2/natGateway:NatGateway', 'platform-production-')).toHaveLength(3);
    expect(recorder.named('aws:ec2/natGateway:NatGateway', 'platform-staging-')).toHaveLength(1);
  });

  it('opens its public API endpoint to fewer addresses', () => {
    expect(addresses('production')).toBeGreaterThan(0);
    expect(addresses('production')).toBeLessThan(addresses('staging'));
  });

  it('keeps logs and images longer, and protects the cluster from deletion', () => {
    expect(config('production').cluster.logRetentionDays).toBeGreaterThan(
      config('staging').cluster.logRetentionDays,
    );
    expect(config('production').registry.keepLastImages).toBeGreaterThan(
      config('staging').registry.keepLastImages,
    );
    expect(
      recorder.find('eks:index:Cluster', 'platform-production-cluster-eks').inputs[
        'deletionProtection'
      ],
    ).toBe(true);
  });

  it('lives in its own network block', () => {
    const block = (stack: string) =>
      recorder.find('aws:ec2/vpc:Vpc', `platform-${stack}-network-vpc`).inputs['cidrBlock'];
    expect(block('production')).not.toBe(block('staging'));
  });
});
