import type { PolicyStatement } from './policy-document.js';

/**
 * The EC2 descriptions a refresh of this program's network and launch template makes, by name:
 * `ec2:Describe*` would also read instances' user data (DescribeInstanceAttribute) and every
 * snapshot and image of the account. The launch template holds no user data of this program's.
 */
export const EC2_READS = [
  'DescribeAccountAttributes',
  'DescribeAddresses',
  'DescribeAddressesAttribute',
  'DescribeAvailabilityZones',
  'DescribeInternetGateways',
  'DescribeLaunchTemplates',
  'DescribeLaunchTemplateVersions',
  'DescribeNatGateways',
  'DescribeNetworkAcls',
  'DescribeNetworkInterfaces',
  'DescribeRouteTables',
  'DescribeSecurityGroupRules',
  'DescribeSecurityGroups',
  'DescribeSubnets',
  'DescribeTags',
  'DescribeVpcAttribute',
  'DescribeVpcs',
].map((action) => `ec2:${action}`);

/**
 * What `pulumi preview` and `pulumi refresh` read: descriptions of the networks, the cluster,
 * the roles, keys, repositories, log groups and hosted zone this program declares. Read-only and on `*`
 * (most Describe/List calls cannot be scoped to resources); no data plane reads (no secrets,
 * no S3 objects, no image layers, no instance user data).
 */
export function readStatements(): PolicyStatement[] {
  return [
    {
      Sid: 'ReadWhatThisProgramDeclares',
      Effect: 'Allow',
      Action: [
        ...EC2_READS,
        'eks:Describe*',
        'eks:List*',
        'iam:GetRole',
        'iam:GetRolePolicy',
        'iam:ListRolePolicies',
        'iam:ListAttachedRolePolicies',
        'iam:ListInstanceProfilesForRole',
        'iam:GetOpenIDConnectProvider',
        'iam:ListOpenIDConnectProviders',
        'iam:GetPolicy',
        'iam:GetPolicyVersion',
        'kms:DescribeKey',
        'kms:GetKeyPolicy',
        'kms:GetKeyRotationStatus',
        'kms:ListAliases',
        'kms:ListResourceTags',
        'ecr:DescribeRepositories',
        'ecr:DescribeRepositoryCreationTemplates',
        'ecr:GetRegistryScanningConfiguration',
        'ecr:GetLifecyclePolicy',
        'ecr:GetRepositoryPolicy',
        'ecr:ListTagsForResource',
        'logs:DescribeLogGroups',
        'logs:ListTagsForResource',
        'logs:ListTagsLogGroup',
        'route53:GetHostedZone',
        'route53:GetChange',
        'route53:ListTagsForResource',
        'sts:GetCallerIdentity',
      ],
      Resource: '*',
    },
  ];
}
