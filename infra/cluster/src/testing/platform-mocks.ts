import type { MockHandlers } from '@platform/infra-stack-kit/testing';

export const MOCK_ACCOUNT = '123456789012';
export const MOCK_REGION = 'eu-west-1';
export const MOCK_CLUSTER_ENDPOINT =
  'https://EXAMPLED539D4633E53DE1B71EXAMPLE.gr7.eu-west-1.eks.amazonaws.com';
/** The name servers Route 53 gives every zone in these tests. */
export const MOCK_NAME_SERVERS = ['ns-1.awsdns-01.org', 'ns-2.awsdns-02.co.uk'];
/** The zones that exist before any stack runs, by id, for `hostedZoneId` (their names). */
export const MOCK_EXISTING_ZONES: Readonly<Record<string, string>> = {
  Z0EXISTINGSTAGING: 'staging.test.',
  Z0EXISTINGOTHER: 'other.test.',
  // The zone the fixture hub stack (live-hub) outputs, which its workload stacks adopt.
  Z0LIVEHUBZONE: 'live.test.',
};
/** The EKS clusters' CA bundle in these tests (base64, as EKS returns it). */
export const MOCK_CLUSTER_CA = Buffer.from('-----BEGIN CERTIFICATE-----\nfixture\n').toString(
  'base64',
);
/**
 * The stacks that exist for a StackReference, by full name (`<org>/<project>/<stack>`), with
 * their outputs: the fixture hub stack, as its `pulumi up` left it.
 */
export const MOCK_REFERENCED_STACKS: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
  'organization/infra-cluster/live-hub': {
    hostedZoneId: 'Z0LIVEHUBZONE',
    argocdHubRoleArn: 'arn:aws:iam::100000000003:role/platform-live-hub-argocd-hub',
    // Out of order and repeated, as no hub outputs them: the workload stack sorts and dedupes.
    natPublicIps: ['198.51.100.7', '192.0.2.44', '198.51.100.7'],
  },
};

/**
 * The public IP Elastic IP `name` gets in these tests: an address of TEST-NET-1 (192.0.2.0/24)
 * derived from the name, so every run, and every stack, gets the same one.
 */
export function mockElasticIp(name: string): string {
  const host = [...name].reduce((sum, char) => (sum * 31 + char.charCodeAt(0)) % 253, 0) + 1;
  return `192.0.2.${host}`;
}

/**
 * A fake AWS for the shared harness, answering by type token: ids, ARNs, URLs and, for the
 * remote `eks:index:Cluster` component (one resource under mocks, nothing inside it), the
 * outputs @pulumi/eks computes (kubeconfig, CA, OIDC provider); a StackReference, from
 * MOCK_REFERENCED_STACKS. The one invoke it answers is Route 53's zone lookup by id, from
 * MOCK_EXISTING_ZONES.
 */
export const platformMocks: MockHandlers = {
  newResource: (args) => {
    if (args.type === 'pulumi:pulumi:StackReference') {
      // As the engine: the referenced stack's outputs, or a failure for a stack that is not there.
      const name = String(args.inputs['name']);
      const outputs = MOCK_REFERENCED_STACKS[name];
      if (outputs === undefined) throw new Error(`unknown stack '${name}'`);
      return { id: name, state: { name, outputs, secretOutputNames: [] } };
    }
    return {
      id: args.custom ? `${args.name}-id` : undefined,
      state: { ...args.inputs, ...stateFor(args.type, args.name, args.inputs) },
    };
  },
  call: (args) => {
    if (args.token !== 'aws:route53/getZone:getZone') {
      throw new Error(`unexpected call to ${args.token}: the program should need no data source`);
    }
    const zoneId = String(args.inputs['zoneId']);
    const name = MOCK_EXISTING_ZONES[zoneId];
    if (name === undefined) throw new Error(`no hosted zone ${zoneId}`);
    return { id: zoneId, zoneId, name, nameServers: MOCK_NAME_SERVERS, privateZone: false };
  },
};

function stateFor(
  type: string,
  name: string,
  inputs: Record<string, any>,
): Record<string, unknown> {
  const physical = (inputs['name'] as string | undefined) ?? `${name}-a1b2c3d`;
  const arn = (service: string, resource: string, region = MOCK_REGION) =>
    `arn:aws:${service}:${region}:${MOCK_ACCOUNT}:${resource}`;
  switch (type) {
    case 'aws:iam/role:Role':
      return { name: physical, arn: arn('iam', `role/${physical}`, '') };
    case 'aws:iam/policy:Policy':
      return { name: physical, arn: arn('iam', `policy/${physical}`, '') };
    case 'aws:iam/openIdConnectProvider:OpenIdConnectProvider':
      // IAM names a provider after its URL without the scheme (GitHub's or a GitLab host).
      return {
        arn: arn(
          'iam',
          `oidc-provider/${String(inputs['url'] ?? 'https://token.actions.githubusercontent.com').replace(/^https:\/\//, '')}`,
          '',
        ),
      };
    case 'aws:kms/key:Key':
      return { keyId: `${name}-key-id`, arn: arn('kms', `key/${name}-key-id`) };
    case 'aws:ecr/repository:Repository':
      return {
        arn: arn('ecr', `repository/${physical}`),
        repositoryUrl: `${MOCK_ACCOUNT}.dkr.ecr.${MOCK_REGION}.amazonaws.com/${physical}`,
      };
    case 'aws:route53/zone:Zone':
      return {
        zoneId: `Z0${name.replace(/[^a-z0-9]/gi, '').toUpperCase()}`,
        nameServers: MOCK_NAME_SERVERS,
      };
    case 'aws:eks/podIdentityAssociation:PodIdentityAssociation':
      return { associationId: `a-${name}` };
    case 'aws:ec2/eip:Eip':
      return { publicIp: mockElasticIp(name) };
    case 'aws:ec2/launchTemplate:LaunchTemplate':
      return { latestVersion: 1, arn: arn('ec2', `launch-template/${name}-id`) };
    case 'eks:index:Cluster': {
      const kubeconfig = {
        apiVersion: 'v1',
        kind: 'Config',
        clusters: [{ name: 'kubernetes', cluster: { server: MOCK_CLUSTER_ENDPOINT } }],
        users: [
          {
            name: 'aws',
            user: {
              exec: { command: 'aws', args: ['eks', 'get-token', '--cluster-name', physical] },
            },
          },
        ],
      };
      return {
        kubeconfig,
        kubeconfigJson: JSON.stringify(kubeconfig),
        core: { endpoint: MOCK_CLUSTER_ENDPOINT },
        eksCluster: { certificateAuthority: { data: MOCK_CLUSTER_CA } },
        oidcProviderArn: arn(
          'iam',
          `oidc-provider/oidc.eks.${MOCK_REGION}.amazonaws.com/id/EXAMPLE`,
          '',
        ),
      };
    }
    default:
      return {};
  }
}
