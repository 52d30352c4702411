import { scopedArn, tagCondition, type DeployScope } from './deploy-scope.js';
import { hostedZoneStatements } from './deploy-dns-statements.js';
import type { PolicyStatement } from './policy-document.js';

const EC2_CREATE = [
  'ec2:CreateVpc',
  'ec2:CreateSubnet',
  'ec2:CreateInternetGateway',
  'ec2:CreateNatGateway',
  'ec2:AllocateAddress',
  'ec2:CreateRouteTable',
  'ec2:CreateSecurityGroup',
  'ec2:CreateLaunchTemplate',
];
const EC2_CHANGE = [
  'AssociateRouteTable',
  'DisassociateRouteTable',
  'CreateRoute',
  'ReplaceRoute',
  'DeleteRoute',
  'AttachInternetGateway',
  'DetachInternetGateway',
  'ModifyVpcAttribute',
  'ModifySubnetAttribute',
  'AuthorizeSecurityGroupIngress',
  'AuthorizeSecurityGroupEgress',
  'RevokeSecurityGroupIngress',
  'RevokeSecurityGroupEgress',
  'CreateLaunchTemplateVersion',
  'ModifyLaunchTemplate',
  'CreateTags',
  'DeleteTags',
  'DeleteVpc',
  'DeleteSubnet',
  'DeleteInternetGateway',
  'DeleteNatGateway',
  'ReleaseAddress',
  'DisassociateAddress',
  'DeleteRouteTable',
  'DeleteSecurityGroup',
  'DeleteLaunchTemplate',
  'DeleteLaunchTemplateVersions',
].map((action) => `ec2:${action}`);
const KMS_CHANGE = [
  'EnableKeyRotation',
  'PutKeyPolicy',
  'ScheduleKeyDeletion',
  'TagResource',
  'UntagResource',
  'UpdateKeyDescription',
  'CreateGrant',
  'CreateAlias',
  'DeleteAlias',
  'UpdateAlias',
].map((action) => `kms:${action}`);
const LOGS_CHANGE = [
  'CreateLogGroup',
  'DeleteLogGroup',
  'PutRetentionPolicy',
  'DeleteRetentionPolicy',
  'TagResource',
  'UntagResource',
  'TagLogGroup',
  'UntagLogGroup',
].map((action) => `logs:${action}`);
/** The registry's settings: ECR has no resource for them, so they are scoped by region. */
const ECR_REGISTRY_CHANGE = [
  'CreateRepositoryCreationTemplate',
  'UpdateRepositoryCreationTemplate',
  'DeleteRepositoryCreationTemplate',
  'PutRegistryScanningConfiguration',
].map((action) => `ecr:${action}`);

/**
 * What `pulumi up` changes outside IAM, each scoped as narrowly as the service allows: EC2 and
 * KMS keys by the stack's tags (`aws:RequestTag` on create, `aws:ResourceTag` after), EKS by
 * the cluster's name, the log group and key aliases by their names, the registry's settings
 * (which have no resource) by region; the environment's hosted zone (below).
 */
export function deployResourceStatements(scope: DeployScope): PolicyStatement[] {
  const { clusterName, namePrefix } = scope;
  const logGroup = scopedArn(scope, 'logs', `log-group:/aws/eks/${clusterName}/cluster`);
  return [
    {
      Sid: 'CreateTaggedNetwork',
      Effect: 'Allow',
      Action: EC2_CREATE,
      Resource: '*',
      Condition: { StringEquals: tagCondition(scope, 'Request') },
    },
    {
      Sid: 'TagWhatItCreates',
      Effect: 'Allow',
      Action: 'ec2:CreateTags',
      Resource: '*',
      Condition: { StringEquals: { 'ec2:CreateAction': EC2_CREATE } },
    },
    {
      Sid: 'ChangeOwnNetwork',
      Effect: 'Allow',
      Action: EC2_CHANGE,
      Resource: '*',
      Condition: { StringEquals: tagCondition(scope, 'Resource') },
    },
    {
      Sid: 'ManageOwnCluster',
      Effect: 'Allow',
      Action: 'eks:*',
      Resource: [
        scopedArn(scope, 'eks', `cluster/${clusterName}`),
        ...['nodegroup', 'addon', 'access-entry', 'podidentityassociation'].map((kind) =>
          scopedArn(scope, 'eks', `${kind}/${clusterName}/*`),
        ),
      ],
    },
    {
      Sid: 'CreateTaggedKeys',
      Effect: 'Allow',
      Action: ['kms:CreateKey', 'kms:TagResource'],
      Resource: '*',
      Condition: { StringEquals: tagCondition(scope, 'Request') },
    },
    {
      Sid: 'ManageOwnKeys',
      Effect: 'Allow',
      Action: KMS_CHANGE,
      Resource: scopedArn(scope, 'kms', 'key/*'),
      Condition: { StringEquals: tagCondition(scope, 'Resource') },
    },
    {
      Sid: 'ManageOwnKeyAliases',
      Effect: 'Allow',
      Action: ['kms:CreateAlias', 'kms:DeleteAlias', 'kms:UpdateAlias'],
      Resource: scopedArn(scope, 'kms', `alias/${namePrefix}-*`),
    },
    {
      Sid: 'ManageControlPlaneLogGroup',
      Effect: 'Allow',
      Action: LOGS_CHANGE,
      Resource: [logGroup, `${logGroup}:*`],
    },
    ...hostedZoneStatements(scope),
    {
      Sid: 'ManageTheRegistrySettingsOfThisRegion',
      Effect: 'Allow',
      Action: ECR_REGISTRY_CHANGE,
      Resource: '*',
      Condition: { StringEquals: { 'aws:RequestedRegion': scope.region } },
    },
  ];
}
