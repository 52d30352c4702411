import type { PolicyStatement } from './policy-document.js';

/**
 * What `pulumi preview` and `pulumi refresh` read: descriptions of the networks, the cluster,
 * the roles, keys, repositories and log groups this program declares. Read-only and on `*`
 * (most Describe/List calls cannot be scoped to resources); no data plane reads (no secrets,
 * no S3 objects, no image layers).
 */
export function readStatements(): PolicyStatement[] {
  return [
    {
      Sid: 'ReadWhatThisProgramDeclares',
      Effect: 'Allow',
      Action: [
        'ec2:Describe*',
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
        'sts:GetCallerIdentity',
      ],
      Resource: '*',
    },
  ];
}
