import { beforeAll, describe, expect, it } from 'vitest';
import { defineStacks } from '../testing/define-stacks.js';
import type { ResourceRecorder } from '@platform/infra-stack-kit/testing';
import { nodeLaunchTemplateArgs } from './launch-template.js';

let recorder: ResourceRecorder;

beforeAll(async () => {
  ({ recorder } = await defineStacks(['staging', 'production']));
});

describe.each([
  ['staging', { minSize: 2, desiredSize: 2, maxSize: 4 }, ['m7i.large'], 50],
  ['production', { minSize: 3, desiredSize: 3, maxSize: 9 }, ['m7i.xlarge'], 100],
])('the %s node group', (stack, scaling, instanceTypes, diskSizeGib) => {
  const prefix = `platform-${stack}`;
  const group = () => recorder.find('eks:index:ManagedNodeGroup', `${prefix}-nodes-group`);
  const template = () =>
    recorder.find('aws:ec2/launchTemplate:LaunchTemplate', `${prefix}-nodes-lt`);

  it('runs in the private subnets only', () => {
    const subnetIds = group().inputs['subnetIds'] as string[];
    expect(subnetIds).toEqual(
      ['a', 'b', 'c'].map((zone) => `${prefix}-network-private-eu-west-1${zone}-id`),
    );
    const publicIds = recorder
      .named('aws:ec2/subnet:Subnet', `${prefix}-network-public-`)
      .map((s) => `${s.name}-id`);
    expect(subnetIds.filter((id) => publicIds.includes(id))).toEqual([]);
  });

  it('is sized and typed from the stack config', () => {
    expect(group().inputs).toMatchObject({
      scalingConfig: scaling,
      instanceTypes,
      amiType: 'AL2023_x86_64_STANDARD',
      capacityType: 'ON_DEMAND',
    });
  });

  it('joins the cluster of its stack', () => {
    expect(group().inputs['cluster']?.__name).toBe(`${prefix}-cluster-eks`);
  });

  it('launches from its template, at the template’s latest version', () => {
    expect(group().inputs['launchTemplate']).toEqual({ id: `${prefix}-nodes-lt-id`, version: '1' });
  });

  it('requires IMDSv2 session tokens, one network hop deep', () => {
    expect(template().inputs['metadataOptions']).toEqual({
      httpEndpoint: 'enabled',
      httpTokens: 'required',
      httpPutResponseHopLimit: 1,
      instanceMetadataTags: 'disabled',
    });
  });

  it('asks for no public address, image or instance profile (subnets and EKS decide)', () => {
    const inputs = template().inputs;
    expect(inputs['networkInterfaces']).toBeUndefined();
    expect(inputs['imageId']).toBeUndefined();
    expect(inputs['iamInstanceProfile']).toBeUndefined();
  });

  it('encrypts the node volume, sized from config', () => {
    expect(template().inputs['blockDeviceMappings']).toEqual([
      {
        deviceName: '/dev/xvda',
        ebs: {
          volumeSize: diskSizeGib,
          volumeType: 'gp3',
          encrypted: 'true',
          deleteOnTermination: 'true',
        },
      },
    ]);
  });

  it('tags the instances and volumes it launches (default tags do not reach them)', () => {
    for (const specification of template().inputs['tagSpecifications'] as { tags: object }[]) {
      expect(specification.tags).toMatchObject({
        environment: stack,
        project: 'platform',
        'managed-by': 'pulumi',
      });
    }
  });

  it('gives nodes a role EC2 assumes, with exactly the worker, CNI and image-pull policies', () => {
    const trust = JSON.parse(
      recorder.find('aws:iam/role:Role', `${prefix}-nodes-role`).inputs['assumeRolePolicy'],
    );
    expect(trust.Statement).toEqual([
      { Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' },
    ]);
    const attached = recorder
      .named('aws:iam/rolePolicyAttachment:RolePolicyAttachment', `${prefix}-nodes-role-`)
      .map((attachment) => attachment.inputs['policyArn']);
    expect(attached.sort()).toEqual([
      'arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryPullOnly',
      'arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy',
      'arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy',
    ]);
  });
});

describe('nodeLaunchTemplateArgs', () => {
  it('puts the volume on Bottlerocket’s data device and lets pods reach IMDS at hop limit 2', () => {
    const args = nodeLaunchTemplateArgs({
      amiType: 'BOTTLEROCKET_ARM_64',
      diskSizeGib: 80,
      imdsHopLimit: 2,
      instanceTags: {},
    });
    expect(args.blockDeviceMappings).toEqual([
      expect.objectContaining({ deviceName: '/dev/xvdb' }),
    ]);
    expect(args.metadataOptions).toMatchObject({
      httpTokens: 'required',
      httpPutResponseHopLimit: 2,
    });
  });
});
