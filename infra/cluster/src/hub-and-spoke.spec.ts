import { ADDON_IDENTITIES } from '@platform/platform';
import { promiseOf, type ResourceRecorder } from '@platform/infra-stack-kit/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { ARGOCD_REMOTE_CLUSTER_SERVICE_ACCOUNTS } from './argocd/argocd-hub-identity.js';
import { defineStacks, stackNamed, type DefinedStack } from './testing/define-stacks.js';
import { FIXTURE_ACCOUNTS } from './testing/fixture-stacks.js';
import { addonDocuments, iamDocuments } from './testing/iam-documents.js';
import { allows, allowsWithin, trustsPrincipal } from './testing/iam-evaluate.js';
import {
  MOCK_CLUSTER_CA,
  MOCK_REFERENCED_STACKS,
  mockElasticIp,
} from './testing/platform-mocks.js';

let recorder: ResourceRecorder;
let engine: Awaited<ReturnType<typeof defineStacks>>['engine'];
let stacks: Record<string, DefinedStack>;

// The fixtures' hub-and-spoke environment `live`: its hub stack and a workload stack in another
// region, in one mocked deployment with a single-cluster stack to compare with.
beforeAll(async () => {
  ({ recorder, engine, stacks } = await defineStacks([
    'live-hub',
    'live-east',
    'staging',
    { stack: 'live-east', overrides: { platformName: 'shared', pulumiStateBucket: 'acme-state' } },
    // A workload cluster whose endpoint would otherwise be private.
    { stack: 'live-east', overrides: { platformName: 'private', endpointPublicAccessCidrs: [] } },
  ]));
});

const HUB = 'platform-live-hub';
const EAST = 'platform-live-east';
const ACCOUNT = FIXTURE_ACCOUNTS.live;
const HUB_CLUSTER_ARN = `arn:aws:eks:eu-west-1:${ACCOUNT}:cluster/${HUB}`;
const HUB_OUTPUTS = MOCK_REFERENCED_STACKS['organization/infra-cluster/live-hub'] ?? {};
const POD_IDENTITY = { Service: 'pods.eks.amazonaws.com' };
const { policy, boundary } = iamDocuments(() => recorder);
const addons = addonDocuments(() => recorder);
const components = (prefix: string) =>
  recorder.resources.filter((r) => !r.custom && r.name.startsWith(`${prefix}-`)).map((r) => r.type);
const deploy = (prefix: string) => policy(prefix, 'deploy', 'deploy-infrastructure');
const eksInputs = (prefix: string) =>
  recorder.find('eks:index:Cluster', `${prefix}-cluster-eks`).inputs;
/** The hub's NAT addresses (MOCK_REFERENCED_STACKS, out of order, one twice) as /32s, sorted. */
const HUB_NAT_CIDRS = ['192.0.2.44/32', '198.51.100.7/32'];

describe('every stack', () => {
  it.each([HUB, EAST, 'platform-staging'])(
    '%s outputs the cluster CA next to its name and endpoint (the Argo CD cluster Secret)',
    async (prefix) => {
      const { outputs } = stackNamed(stacks, prefix);
      expect(await promiseOf(outputs.clusterName)).toBe(prefix);
      expect(await promiseOf(outputs.clusterCertificateAuthority)).toBe(MOCK_CLUSTER_CA);
    },
  );
});

describe('the hub stack', () => {
  const trust = () =>
    JSON.parse(
      recorder.find('aws:iam/role:Role', `${HUB}-argocd-hub-role`).inputs['assumeRolePolicy'],
    );
  /** The session EKS Pod Identity opens for a service account of the hub's Argo CD. */
  const session = (
    serviceAccount: string,
    { namespace = 'argocd', cluster = HUB_CLUSTER_ARN, account = ACCOUNT as string } = {},
  ) => ({
    'aws:RequestTag/kubernetes-namespace': namespace,
    'aws:RequestTag/kubernetes-service-account': serviceAccount,
    'aws:RequestTag/eks-cluster-arn': cluster,
    'aws:SourceAccount': account,
  });

  it('creates the registry and the zone, as a single stack does, and no add-on identity', () => {
    expect(components(HUB)).toEqual(
      expect.arrayContaining(['platform:registry:ImageRegistry', 'platform:dns:HostedZone']),
    );
    expect(recorder.named('aws:route53/zone:Zone', `${HUB}-`)).toHaveLength(1);
    expect(components(HUB)).not.toContain('platform:addons:AddonIdentities');
    expect(
      recorder.ofType('aws:iam/role:Role').filter((r) => r.name.startsWith(`${HUB}-addons`)),
    ).toEqual([]);
  });

  it('has the Argo CD hub role, named <prefix>-argocd-hub, with the managed-role boundary', () => {
    const role = recorder.find('aws:iam/role:Role', `${HUB}-argocd-hub-role`);
    expect(role.inputs['name']).toBe(`${HUB}-argocd-hub`);
    const boundaryPolicy = recorder.find(
      'aws:iam/policy:Policy',
      `${HUB}-github-managed-role-boundary`,
    );
    expect(role.inputs['permissionsBoundary']).toBe(boundaryPolicy.state['arn']);
  });

  it('lets EKS Pod Identity assume it for the three Argo CD service accounts of this cluster, in this account', () => {
    for (const serviceAccount of ARGOCD_REMOTE_CLUSTER_SERVICE_ACCOUNTS)
      for (const action of ['sts:AssumeRole', 'sts:TagSession'])
        expect(
          trustsPrincipal(trust(), POD_IDENTITY, action, session(serviceAccount)),
          `${serviceAccount} ${action}`,
        ).toBe(true);
    const refused = {
      'another account': session('argocd-server', { account: '999999999999' }),
      'another cluster': session('argocd-server', {
        cluster: `arn:aws:eks:eu-west-1:${ACCOUNT}:cluster/${EAST}`,
      }),
      'another namespace': session('argocd-server', { namespace: 'default' }),
      'another Argo CD component': session('argocd-repo-server'),
      'no session tags': { 'aws:SourceAccount': ACCOUNT },
    };
    for (const [why, context] of Object.entries(refused))
      expect(trustsPrincipal(trust(), POD_IDENTITY, 'sts:AssumeRole', context), why).toBe(false);
    const others: Record<string, string>[] = [
      { Service: 'ec2.amazonaws.com' },
      { AWS: `arn:aws:iam::${ACCOUNT}:root` },
      { AWS: 'arn:aws:iam::999999999999:root' },
    ];
    for (const principal of others)
      expect(
        trustsPrincipal(trust(), principal, 'sts:AssumeRole', session('argocd-server')),
        JSON.stringify(principal),
      ).toBe(false);
  });

  it('gives the role no permission: no policy of its own, and the boundary denies it everything', () => {
    const ofTheRole = [
      ...recorder.ofType('aws:iam/rolePolicy:RolePolicy'),
      ...recorder.ofType('aws:iam/rolePolicyAttachment:RolePolicyAttachment'),
    ].filter((r) => r.name.includes('argocd'));
    expect(ofTheRole).toEqual([]);
    // Even a policy allowing everything, were one attached, would grant nothing within the boundary.
    const everything = { Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };
    const as = (principal: string, action: string, resource: string) =>
      allowsWithin(everything, boundary(HUB), action, resource, {
        'aws:PrincipalArn': `arn:aws:iam::${ACCOUNT}:role/${principal}`,
      });
    for (const [action, resource] of [
      ['eks:DescribeCluster', HUB_CLUSTER_ARN],
      ['s3:GetObject', 'arn:aws:s3:::any-bucket/any-key'],
      ['ecr:BatchGetImage', `arn:aws:ecr:eu-west-1:${ACCOUNT}:repository/${HUB}/app`],
    ] as const)
      expect(as(`${HUB}-argocd-hub`, action, resource), action).toBe(false);
    // The cap is the hub role's only: the node role, under the same policy, reads the cluster.
    expect(as(`${HUB}-nodes-role-abc1234`, 'eks:DescribeCluster', HUB_CLUSTER_ARN)).toBe(true);
  });

  it.each(ARGOCD_REMOTE_CLUSTER_SERVICE_ACCOUNTS)(
    'hands the role to argocd/%s by a Pod Identity association on the hub cluster',
    (serviceAccount) => {
      const name = `${HUB}-argocd-hub-${serviceAccount}`;
      const association = recorder.find(
        'aws:eks/podIdentityAssociation:PodIdentityAssociation',
        name,
      );
      expect(association.inputs).toEqual({
        clusterName: HUB,
        namespace: 'argocd',
        serviceAccount,
        roleArn: recorder.find('aws:iam/role:Role', `${HUB}-argocd-hub-role`).state['arn'],
      });
      const waitsFor = engine.get(
        `aws:eks/podIdentityAssociation:PodIdentityAssociation ${name}`,
      )?.dependencies;
      expect(waitsFor?.some((urn) => urn.endsWith(`eks:index:Cluster::${HUB}-cluster-eks`))).toBe(
        true,
      );
    },
  );

  it('has exactly those three associations', () => {
    expect(
      recorder
        .named('aws:eks/podIdentityAssociation:PodIdentityAssociation', `${HUB}-`)
        .map((r) => r.inputs['serviceAccount'])
        .sort(),
    ).toEqual([...ARGOCD_REMOTE_CLUSTER_SERVICE_ACCOUNTS].sort());
  });

  it("outputs its NAT gateways' Elastic IPs (where its Argo CD leaves the VPC)", async () => {
    const { outputs } = stackNamed(stacks, HUB);
    // The fixture hub runs a single NAT gateway, in its first zone.
    expect(await promiseOf(outputs.natPublicIps ?? [])).toEqual([
      mockElasticIp(`${HUB}-network-nat-eu-west-1a`),
    ]);
    expect(
      recorder.find('aws:ec2/eip:Eip', `${HUB}-network-nat-eu-west-1a`).state['publicIp'],
    ).toBe(mockElasticIp(`${HUB}-network-nat-eu-west-1a`));
    for (const prefix of [EAST, 'platform-staging'])
      expect(stackNamed(stacks, prefix).outputs, prefix).not.toHaveProperty('natPublicIps');
  });

  it('keeps its own endpoint as configured, as a single stack does', () => {
    expect(eksInputs(HUB)).toMatchObject({
      endpointPrivateAccess: true,
      endpointPublicAccess: true,
      publicAccessCidrs: ['203.0.113.0/24'],
    });
    expect(eksInputs('platform-staging')['publicAccessCidrs']).toEqual([
      '203.0.113.0/24',
      '198.51.100.0/24',
    ]);
  });

  it('outputs the role, the registry and the zone', async () => {
    const { outputs } = stackNamed(stacks, HUB);
    expect(await promiseOf(outputs.argocdHubRoleArn ?? '')).toBe(
      recorder.find('aws:iam/role:Role', `${HUB}-argocd-hub-role`).state['arn'],
    );
    expect(outputs.imageRegistry).toBe(
      `${ACCOUNT}.dkr.ecr.eu-west-1.amazonaws.com/platform-live-hub`,
    );
    expect(await promiseOf(outputs.hostedZoneId ?? '')).toMatch(/^Z0/);
  });
});

describe('the workload stack', () => {
  it("reads its hub's outputs from the hub's stack of this project", () => {
    expect(recorder.find('pulumi:pulumi:StackReference', `${EAST}-hub`).inputs['name']).toBe(
      'organization/infra-cluster/live-hub',
    );
  });

  it('creates no registry and no zone: it adopts the hub stack’s zone', () => {
    expect(components(EAST)).not.toContain('platform:registry:ImageRegistry');
    expect(
      recorder.resources.filter(
        (r) => r.type.startsWith('aws:ecr') && r.name.startsWith(`${EAST}-`),
      ),
    ).toEqual([]);
    expect(recorder.named('aws:route53/zone:Zone', `${EAST}-`)).toEqual([]);
    expect(recorder.invokes).toContainEqual({
      token: 'aws:route53/getZone:getZone',
      inputs: expect.objectContaining({ zoneId: HUB_OUTPUTS['hostedZoneId'] }),
    });
    // Its deploy role may not create a zone; the hub's may (it creates the environment's).
    expect(allows(deploy(EAST), 'route53:CreateHostedZone', '*')).toBe(false);
    expect(allows(deploy(HUB), 'route53:CreateHostedZone', '*')).toBe(true);
  });

  it("admits the hub's NAT addresses (/32) to its public API endpoint, besides the configured CIDRs", () => {
    expect(eksInputs(EAST)).toMatchObject({
      endpointPrivateAccess: true,
      endpointPublicAccess: true,
      publicAccessCidrs: [...HUB_NAT_CIDRS, '203.0.113.0/24'],
    });
  });

  it('turns the public endpoint on for the hub alone when no CIDR is configured', () => {
    expect(eksInputs('private-live-east')).toMatchObject({
      endpointPrivateAccess: true,
      endpointPublicAccess: true,
      publicAccessCidrs: HUB_NAT_CIDRS,
    });
  });

  it('gives the hub role cluster admin, at cluster scope, through an access entry', () => {
    const entries = recorder.find('eks:index:Cluster', `${EAST}-cluster-eks`).inputs[
      'accessEntries'
    ];
    expect(entries['argocd-hub']).toEqual({
      principalArn: HUB_OUTPUTS['argocdHubRoleArn'],
      accessPolicies: {
        admin: {
          policyArn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy',
          accessScope: { type: 'cluster' },
        },
      },
    });
    expect(
      recorder.find('eks:index:Cluster', 'platform-staging-cluster-eks').inputs['accessEntries'],
    ).not.toHaveProperty('argocd-hub');
  });

  it("has the add-ons' roles, writing the hub stack's zone (the environment's) and no other", () => {
    const zoneArn = `arn:aws:route53:::hostedzone/${String(HUB_OUTPUTS['hostedZoneId'])}`;
    const clusterArn = `arn:aws:eks:us-east-1:${ACCOUNT}:cluster/${EAST}`;
    for (const { serviceAccount } of Object.values(ADDON_IDENTITIES)) {
      expect(addons.role(EAST, serviceAccount).inputs['name']).toBe(
        `${EAST}-addon-${serviceAccount}`,
      );
      expect(
        addons.trust(EAST, serviceAccount).Statement[0].Condition.StringEquals[
          'aws:RequestTag/eks-cluster-arn'
        ],
      ).toBe(clusterArn);
    }
    const may = (action: string, resource: string) =>
      allowsWithin(addons.policy(EAST, 'external-dns'), boundary(EAST), action, resource, {
        'aws:PrincipalArn': `arn:aws:iam::${ACCOUNT}:role/${EAST}-addon-external-dns`,
      });
    expect(may('route53:ChangeResourceRecordSets', zoneArn)).toBe(true);
    expect(may('route53:ChangeResourceRecordSets', 'arn:aws:route53:::hostedzone/Z0OTHER')).toBe(
      false,
    );
    expect(
      recorder.named('aws:eks/podIdentityAssociation:PodIdentityAssociation', `${EAST}-argocd`),
    ).toEqual([]);
  });

  it('runs in its own region, tagged with its environment and its stack', () => {
    const provider = recorder.find('pulumi:providers:aws', `${EAST}-aws`);
    expect(provider.inputs['region']).toBe('us-east-1');
    const defaultTags = provider.inputs['defaultTags'];
    expect(typeof defaultTags === 'string' ? JSON.parse(defaultTags) : defaultTags).toEqual({
      tags: {
        environment: 'live',
        project: 'platform',
        cluster: 'live-east',
        'managed-by': 'pulumi',
      },
    });
    // The deploy role changes only what carries its stack's tag, not the hub's network.
    const ownTags = {
      'aws:ResourceTag/environment': 'live',
      'aws:ResourceTag/project': 'platform',
      'aws:ResourceTag/cluster': 'live-east',
    };
    expect(allows(deploy(EAST), 'ec2:DeleteSubnet', '*', ownTags)).toBe(true);
    expect(
      allows(deploy(EAST), 'ec2:DeleteSubnet', '*', {
        ...ownTags,
        'aws:ResourceTag/cluster': 'live-hub',
      }),
    ).toBe(false);
  });

  it('outputs no registry, zone, push role or hub role (the hub stack’s are the environment’s)', () => {
    const { outputs } = stackNamed(stacks, EAST);
    for (const absent of [
      'imageRegistry',
      'hostedZoneId',
      'nameServers',
      'ciPushRoleArn',
      'argocdHubRoleArn',
      'natPublicIps',
    ])
      expect(outputs, absent).not.toHaveProperty(absent);
  });

  it('has no push role: image builds push to the hub stack’s registry, with its role', () => {
    const roles = recorder.resources
      .filter((r) => r.type === 'aws:iam/role:Role')
      .map((r) => r.name);
    expect(roles).toContain(`${HUB}-github-push-role`);
    expect(roles).toContain(`${EAST}-github-deploy-role`);
    expect(roles.filter((name) => name.startsWith(`${EAST}-`) && name.includes('-push'))).toEqual(
      [],
    );
  });

  it("reads the hub's state, never writes it, on a self-managed backend", () => {
    const bucket = 'arn:aws:s3:::acme-state/.pulumi';
    const preview = policy('shared-live-east', 'preview', 'preview-infrastructure');
    const deployer = deploy('shared-live-east');
    for (const document of [preview, deployer])
      expect(allows(document, 's3:GetObject', `${bucket}/stacks/infra-cluster/live-hub.json`)).toBe(
        true,
      );
    expect(allows(preview, 's3:GetObject', `${bucket}/stacks/infra-cluster/live-east.json`)).toBe(
      true,
    );
    expect(allows(preview, 's3:GetObject', `${bucket}/stacks/infra-cluster/staging.json`)).toBe(
      false,
    );
    expect(allows(deployer, 's3:PutObject', `${bucket}/stacks/infra-cluster/live-hub.json`)).toBe(
      false,
    );
    expect(allows(deployer, 's3:PutObject', `${bucket}/stacks/infra-cluster/live-east.json`)).toBe(
      true,
    );
  });
});
