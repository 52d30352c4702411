import {
  boolean,
  integer,
  matching,
  oneOf,
  optional,
  quote,
  required,
  stringList,
} from '@platform/infra-stack-kit';
import { parseCidr } from './cidr.js';
import {
  CI_PROVIDERS,
  CONTROL_PLANE_LOG_TYPES,
  MINIMUM_KUBERNETES_MINOR,
  NAT_GATEWAY_MODES,
  NODE_AMI_TYPES,
} from './cluster-config.js';
import { z } from 'zod';

/**
 * Every key of infra-cluster, each checked on its own (cross-key checks are in
 * parse-cluster-config.ts). Pulumi.yaml documents them and holds their defaults.
 */

/** The start of an ARN in any of the partitions this program supports. */
const ARN_PARTITION = 'arn:(aws|aws-cn|aws-us-gov)';
const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288,
  3653,
];

const accountId = () => matching(/^\d{12}$/, 'a 12-digit account id');
const cidrBlock = () =>
  required().refine((text) => parseCidr(text) !== undefined, {
    error: (issue) =>
      `${quote(issue.input)} is not a CIDR block (expected a.b.c.d/n with the host bits zero, e.g. 10.0.0.0/16)`,
    abort: true,
  });
const kmsKeyArn = () =>
  matching(
    new RegExp(`^${ARN_PARTITION}:kms:[a-z0-9-]+:\\d{12}:key/[0-9a-f-]+$`),
    'a KMS key ARN (not an alias: IAM grants apply to the key)',
  );

export const clusterFields = z.strictObject({
  accountId: accountId(),
  region: matching(/^[a-z]{2}(-[a-z]+)+-\d$/, 'an AWS region'),
  platformName: matching(/^[a-z]([-a-z0-9]*[a-z0-9])?$/, 'a lowercase DNS label'),
  vpcCidr: cidrBlock().refine(
    (text) => (parseCidr(text)?.prefix ?? 0) >= 16 && (parseCidr(text)?.prefix ?? 0) <= 20,
    { error: (issue) => `${quote(issue.input)} must be a /16 to /20 block` },
  ),
  availabilityZones: stringList(required(), { unique: true }),
  natGateways: oneOf(NAT_GATEWAY_MODES),
  kubernetesVersion: required()
    .refine((text) => /^1\.\d+$/.test(text), {
      error: (issue) => `${quote(issue.input)} is not 1.<minor>`,
      abort: true,
    })
    .refine((text) => Number(text.slice(2)) >= MINIMUM_KUBERNETES_MINOR, {
      error: (issue) =>
        `${quote(issue.input)} is below 1.${MINIMUM_KUBERNETES_MINOR}, the oldest version in EKS standard support`,
    }),
  endpointPublicAccessCidrs: stringList(cidrBlock(), { unique: true }),
  controlPlaneLogTypes: stringList(oneOf(CONTROL_PLANE_LOG_TYPES), {
    nonEmpty: true,
    unique: true,
  }),
  controlPlaneLogRetentionDays: integer(1, 3653).refine(
    (days) => LOG_RETENTION_DAYS.includes(days),
    {
      error: (issue) =>
        `${String(issue.input)} is not a CloudWatch retention (${LOG_RETENTION_DAYS.join(', ')})`,
    },
  ),
  clusterAdminPrincipalArns: stringList(
    matching(
      new RegExp(`^${ARN_PARTITION}:iam::\\d{12}:(role|user)/[\\w+=,.@/-]+$`),
      'an IAM role or user ARN',
    ),
    { unique: true },
  ),
  clusterDeletionProtection: boolean(),
  nodeInstanceTypes: stringList(
    matching(/^[a-z][a-z0-9-]*\.[a-z0-9]+$/, 'an EC2 instance type such as m7i.large'),
    { nonEmpty: true, unique: true },
  ),
  nodeMinSize: integer(0, 1000),
  nodeDesiredSize: integer(0, 1000),
  nodeMaxSize: integer(1, 1000),
  nodeAmiType: oneOf(NODE_AMI_TYPES),
  nodeDiskSizeGib: integer(20, 16384),
  nodeImdsHopLimit: integer(1, 2).transform((limit) => limit as 1 | 2),
  ecrKeepLastImages: integer(1, 1000),
  ecrPullAccountIds: stringList(accountId()),
  ciProvider: oneOf(CI_PROVIDERS),
  // Required when ciProvider is github (parse-cluster-config.ts): a GitLab stack leaves it empty.
  githubRepository: optional(matching(/^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/, 'owner/repository')),
  githubBranch: matching(/^[A-Za-z0-9._/-]+$/, 'a branch name (no wildcards)'),
  githubSubjectPrefix: optional(
    matching(
      /^repo:[A-Za-z0-9-]+(@\d+)?\/[A-Za-z0-9._-]+(@\d+)?$/,
      'repo:<owner>/<repo>, or with IDs repo:<owner>@<id>/<repo>@<id> (no wildcards)',
    ),
  ),
  githubDeployClusterAdmin: boolean(),
  githubPullRequests: boolean(),
  githubEnvironments: stringList(
    matching(/^[A-Za-z0-9._-]+$/, 'a GitHub environment name (no wildcards)'),
    { unique: true },
  ),
  githubOidcProviderArn: optional(
    matching(
      new RegExp(
        `^${ARN_PARTITION}:iam::\\d{12}:oidc-provider/token\\.actions\\.githubusercontent\\.com$`,
      ),
      'the ARN of a token.actions.githubusercontent.com OIDC provider',
    ),
  ),
  gitlabHost: matching(
    /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/,
    'a host name such as gitlab.com (no scheme, port or path)',
  ),
  // Required when ciProvider is gitlab. GitLab paths: letters, digits, `_`, `-`, `.`; subgroups.
  gitlabProject: optional(
    matching(
      /^[A-Za-z0-9_][A-Za-z0-9_.-]*(\/[A-Za-z0-9_][A-Za-z0-9_.-]*)+$/,
      'a GitLab project path, group[/subgroup]/project (no wildcards)',
    ),
  ),
  gitlabBranch: matching(/^[A-Za-z0-9._/-]+$/, 'a branch name (no wildcards)'),
  gitlabDeployClusterAdmin: boolean(),
  gitlabMergeRequests: boolean(),
  gitlabOidcProviderArn: optional(
    matching(
      new RegExp(`^${ARN_PARTITION}:iam::\\d{12}:oidc-provider/[a-z0-9.-]+$`),
      'the ARN of an IAM OIDC provider of the GitLab host',
    ),
  ),
  hostedZoneId: optional(
    matching(/^Z[A-Z0-9]{1,31}$/, 'a Route 53 hosted zone id such as Z0123456789ABCDEFGHIJ'),
  ),
  pulumiStateBucket: optional(matching(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'an S3 bucket name')),
  pulumiSecretsKeyArn: optional(kmsKeyArn()),
  pulumiBootstrapSecretsKeyArn: optional(kmsKeyArn()),
});

export type ClusterFields = z.output<typeof clusterFields>;
