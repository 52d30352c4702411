import { scopedArn, type DeployScope } from './deploy-scope.js';
import type { PolicyStatement } from './policy-document.js';

const ROLE_CHANGE = [
  'CreateRole',
  'DeleteRole',
  'TagRole',
  'UntagRole',
  'UpdateRole',
  'UpdateRoleDescription',
  'UpdateAssumeRolePolicy',
  'PutRolePolicy',
  'DeleteRolePolicy',
].map((action) => `iam:${action}`);
const OIDC_PROVIDER_CHANGE = [
  'CreateOpenIDConnectProvider',
  'DeleteOpenIDConnectProvider',
  'TagOpenIDConnectProvider',
  'UntagOpenIDConnectProvider',
  'UpdateOpenIDConnectProviderThumbprint',
  'AddClientIDToOpenIDConnectProvider',
  'RemoveClientIDFromOpenIDConnectProvider',
].map((action) => `iam:${action}`);

/** The only AWS managed policies this stack attaches (to the cluster and node roles). */
export const ATTACHABLE_POLICIES = [
  'AmazonEKSClusterPolicy',
  'AmazonEKSWorkerNodePolicy',
  'AmazonEKS_CNI_Policy',
  'AmazonEC2ContainerRegistryPullOnly',
];

/**
 * What `pulumi up` changes in IAM: the roles named `<prefix>-*` (the cluster, node and CI
 * roles, so the deploy role can change itself: whoever merges to the deploy branch decides
 * what CI may do, which is why that branch needs review), passed only to EKS and EC2, with
 * only the managed policies above attached; the cluster's OIDC provider (and GitHub's, when
 * this stack owns it); the service-linked roles EKS needs on first use.
 */
export function deployIamStatements(scope: DeployScope): PolicyStatement[] {
  const roles = scopedArn(scope, 'iam', `role/${scope.namePrefix}-*`, '');
  return [
    { Sid: 'ManageOwnRoles', Effect: 'Allow', Action: ROLE_CHANGE, Resource: roles },
    {
      Sid: 'AttachOnlyEksManagedPolicies',
      Effect: 'Allow',
      Action: ['iam:AttachRolePolicy', 'iam:DetachRolePolicy'],
      Resource: roles,
      Condition: {
        ArnEquals: {
          'iam:PolicyARN': ATTACHABLE_POLICIES.map(
            (name) => `arn:${scope.partition}:iam::aws:policy/${name}`,
          ),
        },
      },
    },
    {
      Sid: 'PassOwnRolesToEksAndEc2',
      Effect: 'Allow',
      Action: 'iam:PassRole',
      Resource: roles,
      Condition: {
        StringEquals: { 'iam:PassedToService': ['eks.amazonaws.com', 'ec2.amazonaws.com'] },
      },
    },
    {
      Sid: 'ManageOidcProviders',
      Effect: 'Allow',
      Action: OIDC_PROVIDER_CHANGE,
      Resource: [
        scopedArn(scope, 'iam', `oidc-provider/oidc.eks.${scope.region}.amazonaws.com/id/*`, ''),
        ...(scope.managesGithubProvider
          ? [scopedArn(scope, 'iam', 'oidc-provider/token.actions.githubusercontent.com', '')]
          : []),
      ],
    },
    {
      Sid: 'CreateEksServiceLinkedRoles',
      Effect: 'Allow',
      Action: 'iam:CreateServiceLinkedRole',
      Resource: '*',
      Condition: {
        StringEquals: {
          'iam:AWSServiceName': [
            'eks.amazonaws.com',
            'eks-nodegroup.amazonaws.com',
            'autoscaling.amazonaws.com',
          ],
        },
      },
    },
  ];
}
