import { githubTrustExactSubjects, kmsKeyRotation, platformTags } from '../rules/identity-rules.js';
import { ecrImmutableTags, ecrScanOnPush } from '../rules/registry-rules.js';
import type { PolicyCase, PolicyInput } from './validate.js';

const GITHUB = 'token.actions.githubusercontent.com';
const githubTrust = (condition: object) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Federated: `arn:aws:iam::123456789012:oidc-provider/${GITHUB}` },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: condition,
      },
    ],
  });
const repository = (props: object): PolicyInput => ({
  type: 'aws:ecr/repository:Repository',
  props,
});
const template = (props: object): PolicyInput => ({
  type: 'aws:ecr/repositoryCreationTemplate:RepositoryCreationTemplate',
  props: { prefix: 'platform-staging', appliedFors: ['CREATE_ON_PUSH'], ...props },
});
const scanning = (rules: object[]): PolicyInput => ({
  type: 'aws:ecr/registryScanningConfiguration:RegistryScanningConfiguration',
  props: { scanType: 'BASIC', rules },
});
const everyRepository = [{ filter: '*', filterType: 'WILDCARD' }];

/** Resources each registry and identity rule must let through, and resources it must refuse. */
export const registryAndIdentityCases: PolicyCase[] = [
  [
    ecrImmutableTags,
    [
      repository({ imageTagMutability: 'IMMUTABLE' }),
      template({ imageTagMutability: 'IMMUTABLE' }),
    ],
    [
      repository({}),
      repository({ imageTagMutability: 'MUTABLE' }),
      template({}),
      template({ imageTagMutability: 'MUTABLE' }),
    ],
  ],
  [
    ecrScanOnPush,
    [
      repository({ imageScanningConfiguration: { scanOnPush: true } }),
      scanning([{ scanFrequency: 'SCAN_ON_PUSH', repositoryFilters: everyRepository }]),
      scanning([{ scanFrequency: 'CONTINUOUS_SCAN', repositoryFilters: everyRepository }]),
    ],
    [
      repository({}),
      repository({ imageScanningConfiguration: { scanOnPush: false } }),
      scanning([]),
      scanning([{ scanFrequency: 'MANUAL', repositoryFilters: everyRepository }]),
      scanning([
        {
          scanFrequency: 'SCAN_ON_PUSH',
          repositoryFilters: [{ filter: 'one-app', filterType: 'WILDCARD' }],
        },
      ]),
    ],
  ],
  [
    kmsKeyRotation,
    [
      { type: 'aws:kms/key:Key', props: { enableKeyRotation: true } },
      { type: 'aws:kms/key:Key', props: { customerMasterKeySpec: 'RSA_2048' } },
    ],
    [
      { type: 'aws:kms/key:Key', props: {} },
      {
        type: 'aws:kms/key:Key',
        props: { enableKeyRotation: false, keySpec: 'SYMMETRIC_DEFAULT' },
      },
    ],
  ],
  [
    githubTrustExactSubjects,
    [
      {
        type: 'aws:iam/role:Role',
        props: {
          assumeRolePolicy: githubTrust({
            StringEquals: {
              [`${GITHUB}:aud`]: 'sts.amazonaws.com',
              [`${GITHUB}:sub`]: ['repo:acme/platform:pull_request'],
            },
          }),
        },
      },
      {
        type: 'aws:iam/role:Role',
        props: {
          assumeRolePolicy: githubTrust({
            StringEquals: { [`${GITHUB}:aud`]: 'sts.amazonaws.com' },
            StringLike: {
              [`${GITHUB}:sub`]: ['repo:acme/platform:pull_request:ref:refs/pull/*/merge'],
            },
          }),
        },
      },
      {
        type: 'aws:iam/role:Role',
        props: {
          assumeRolePolicy: JSON.stringify({
            Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' } }],
          }),
        },
      },
    ],
    [
      {
        type: 'aws:iam/role:Role',
        props: {
          assumeRolePolicy: githubTrust({
            StringEquals: { [`${GITHUB}:aud`]: 'sts.amazonaws.com' },
          }),
        },
      },
      {
        type: 'aws:iam/role:Role',
        props: {
          assumeRolePolicy: githubTrust({
            StringEquals: { [`${GITHUB}:aud`]: 'sts.amazonaws.com' },
            StringLike: { [`${GITHUB}:sub`]: 'repo:acme/platform:*' },
          }),
        },
      },
      {
        type: 'aws:iam/role:Role',
        props: {
          assumeRolePolicy: githubTrust({
            StringEquals: { [`${GITHUB}:aud`]: 'sts.amazonaws.com' },
            StringLike: { [`${GITHUB}:sub`]: 'repo:acme/platform:pull_request:ref:refs/*' },
          }),
        },
      },
      {
        type: 'aws:iam/role:Role',
        props: {
          assumeRolePolicy: githubTrust({
            StringEquals: { [`${GITHUB}:sub`]: 'repo:acme/platform:ref:refs/heads/main' },
          }),
        },
      },
    ],
  ],
  [
    platformTags,
    [
      {
        type: 'aws:ec2/vpc:Vpc',
        props: {
          tagsAll: { environment: 'production', project: 'platform', 'managed-by': 'pulumi' },
        },
      },
      { type: 'aws:ec2/route:Route', props: {} },
    ],
    [{ type: 'aws:ec2/vpc:Vpc', props: { tagsAll: { environment: 'production' } } }],
  ],
];
