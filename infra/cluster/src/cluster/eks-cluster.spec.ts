import { beforeAll, describe, expect, it } from 'vitest';
import { defineStacks } from '../testing/define-stacks.js';
import type { ResourceRecorder } from '@platform/infra-stack-kit/testing';

let recorder: ResourceRecorder;
const ADMIN = 'arn:aws:iam::100000000001:role/platform-operators';

beforeAll(async () => {
  ({ recorder } = await defineStacks([
    'staging',
    'production',
    // A variant: no public endpoint, an operator role as cluster admin.
    {
      stack: 'staging',
      overrides: {
        platformName: 'private',
        endpointPublicAccessCidrs: [],
        clusterAdminPrincipalArns: [ADMIN],
        githubDeployClusterAdmin: false,
      },
    },
  ]));
});

const eksCluster = (prefix: string) => recorder.find('eks:index:Cluster', `${prefix}-cluster-eks`);

describe.each([
  ['staging', ['203.0.113.0/24', '198.51.100.0/24'], 30, false],
  ['production', ['203.0.113.10/32'], 365, true],
])('the %s EKS cluster', (stack, publicCidrs, retentionDays, deletionProtection) => {
  const prefix = `platform-${stack}`;

  it('runs the configured Kubernetes version, in standard support only', () => {
    expect(eksCluster(prefix).inputs).toMatchObject({
      name: prefix,
      version: '1.35',
      upgradePolicy: { supportType: 'STANDARD' },
    });
  });

  it('authenticates through the access-entry API, with no default node group', () => {
    expect(eksCluster(prefix).inputs).toMatchObject({
      authenticationMode: 'API',
      skipDefaultNodeGroup: true,
    });
    expect(eksCluster(prefix).inputs['roleMappings']).toBeUndefined();
  });

  it('keeps the private endpoint on and the public one open to the configured CIDRs only', () => {
    const inputs = eksCluster(prefix).inputs;
    expect(inputs['endpointPrivateAccess']).toBe(true);
    expect(inputs['endpointPublicAccess']).toBe(true);
    expect(inputs['publicAccessCidrs']).toEqual(publicCidrs);
    expect(inputs['publicAccessCidrs']).not.toContain('0.0.0.0/0');
  });

  it('places the control plane in the private subnets of its VPC', () => {
    const inputs = eksCluster(prefix).inputs;
    expect(inputs['vpcId']).toBe(`${prefix}-network-vpc-id`);
    expect(inputs['privateSubnetIds']).toEqual(
      ['a', 'b', 'c'].map((zone) => `${prefix}-network-private-eu-west-1${zone}-id`),
    );
    expect(inputs['publicSubnetIds']).toBeUndefined();
    expect(inputs['subnetIds']).toBeUndefined();
  });

  it('encrypts Kubernetes secrets with its own KMS key, which rotates', () => {
    const key = recorder.find('aws:kms/key:Key', `${prefix}-cluster-secrets`);
    expect(key.inputs).toMatchObject({ enableKeyRotation: true, deletionWindowInDays: 30 });
    expect(eksCluster(prefix).inputs['encryptionConfigKeyArn']).toBe(key.state['arn']);
    expect(recorder.find('aws:kms/alias:Alias', `${prefix}-cluster-secrets`).inputs).toMatchObject({
      name: `alias/${prefix}-eks-secrets`,
      targetKeyId: key.state['keyId'],
    });
  });

  it('sends every control-plane log type to a log group with a retention', () => {
    expect(eksCluster(prefix).inputs['enabledClusterLogTypes']).toEqual([
      'api',
      'audit',
      'authenticator',
      'controllerManager',
      'scheduler',
    ]);
    expect(
      recorder.find('aws:cloudwatch/logGroup:LogGroup', `${prefix}-cluster-control-plane`).inputs,
    ).toEqual({
      name: `/aws/eks/${prefix}/cluster`,
      retentionInDays: retentionDays,
    });
  });

  it('enforces NetworkPolicies through the VPC CNI (the workloads deny by default)', () => {
    expect(eksCluster(prefix).inputs['vpcCniOptions']).toMatchObject({ enableNetworkPolicy: true });
  });

  it('creates an OIDC provider for workload identity', () => {
    expect(eksCluster(prefix).inputs['createOidcProvider']).toBe(true);
  });

  it(`${deletionProtection ? 'is' : 'is not'} protected from deletion`, () => {
    expect(eksCluster(prefix).inputs['deletionProtection']).toBe(deletionProtection);
  });
});

describe('access entries', () => {
  const adminEntry = (principalArn: string) => ({
    principalArn,
    accessPolicies: {
      admin: {
        policyArn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy',
        accessScope: { type: 'cluster' },
      },
    },
  });

  // The read-only role: in the drift readers' group, which git's RBAC lets read the engines'
  // objects only; no EKS access policy, so nothing else.
  const readerEntry = (prefix: string, account: string) => ({
    principalArn: `arn:aws:iam::${account}:role/${prefix}-github-preview`,
    type: 'STANDARD',
    kubernetesGroups: ['platform:drift-readers'],
  });

  it('make the CI deploy role a cluster admin (infra/bootstrap deploys with it), the preview role a drift reader', () => {
    expect(eksCluster('platform-staging').inputs['accessEntries']).toEqual({
      'github-deploy': adminEntry('arn:aws:iam::123456789012:role/platform-staging-github-deploy'),
      'github-preview': readerEntry('platform-staging', '123456789012'),
    });
  });

  it('add the configured admin roles, and leave the deploy role out when told to', () => {
    expect(eksCluster('private-staging').inputs['accessEntries']).toEqual({
      '100000000001-role-platform-operators': adminEntry(ADMIN),
      'github-preview': readerEntry('private-staging', '123456789012'),
    });
  });
});

describe('a cluster configured without public CIDRs', () => {
  it('turns the public endpoint off and keeps the private one', () => {
    const inputs = eksCluster('private-staging').inputs;
    expect(inputs).toMatchObject({ endpointPrivateAccess: true, endpointPublicAccess: false });
    expect(inputs['publicAccessCidrs']).toBeUndefined();
  });
});
