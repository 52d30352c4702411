import type { MockHandlers } from '@platform/infra-stack-kit/testing';

export const MOCK_ACCOUNT = '123456789012';
export const MOCK_REGION = 'eu-west-1';
export const MOCK_CLUSTER_ENDPOINT =
  'https://EXAMPLED539D4633E53DE1B71EXAMPLE.gr7.eu-west-1.eks.amazonaws.com';

/**
 * A fake AWS for the shared harness, answering by type token: ids, ARNs, URLs and, for the
 * remote `eks:index:Cluster` component (one resource under mocks, nothing inside it), the
 * outputs @pulumi/eks computes (kubeconfig, OIDC provider). It answers no invoke.
 */
export const platformMocks: MockHandlers = {
  newResource: (args) => ({
    id: args.custom ? `${args.name}-id` : undefined,
    state: { ...args.inputs, ...stateFor(args.type, args.name, args.inputs) },
  }),
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
      return { arn: arn('iam', 'oidc-provider/token.actions.githubusercontent.com', '') };
    case 'aws:kms/key:Key':
      return { keyId: `${name}-key-id`, arn: arn('kms', `key/${name}-key-id`) };
    case 'aws:ecr/repository:Repository':
      return {
        arn: arn('ecr', `repository/${physical}`),
        repositoryUrl: `${MOCK_ACCOUNT}.dkr.ecr.${MOCK_REGION}.amazonaws.com/${physical}`,
      };
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
