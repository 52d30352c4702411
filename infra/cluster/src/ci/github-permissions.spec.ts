import { FIXTURE_ACCOUNTS } from '../testing/fixture-stacks.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { defineStacks } from '../testing/define-stacks.js';
import { allows, allowsWithin } from '../testing/iam-evaluate.js';
import { actionsOf, iamDocuments, readOnly } from '../testing/iam-documents.js';
import type { ResourceRecorder } from '@platform/infra-stack-kit/testing';
import { INLINE_POLICY_LIMIT } from './policy-document.js';

let recorder: ResourceRecorder;
const CLUSTER_KEY = 'arn:aws:kms:eu-west-1:100000000001:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const BOOTSTRAP_KEY = 'arn:aws:kms:eu-west-1:100000000001:key/9999abcd-12ab-34cd-56ef-1234567890ab';

beforeAll(async () => {
  ({ recorder } = await defineStacks([
    'staging',
    'production',
    {
      stack: 'staging',
      overrides: {
        platformName: 'shared',
        githubOidcProviderArn:
          'arn:aws:iam::100000000001:oidc-provider/token.actions.githubusercontent.com',
        pulumiStateBucket: 'acme-pulumi-state',
        pulumiSecretsKeyArn: CLUSTER_KEY,
        pulumiBootstrapSecretsKeyArn: BOOTSTRAP_KEY,
      },
    },
  ]));
});

const { policy, boundary } = iamDocuments(() => recorder);
const accountOf = (prefix: string) =>
  prefix.endsWith('production') ? FIXTURE_ACCOUNTS.production : FIXTURE_ACCOUNTS.staging;
const iamRole = (prefix: string, name: string) =>
  `arn:aws:iam::${accountOf(prefix)}:role/${prefix}-${name}`;

describe.each(['platform-staging', 'platform-production'])('the %s deploy role', (prefix) => {
  const deploy = () => policy(prefix, 'deploy', 'deploy-infrastructure');
  const boundaryArn = () =>
    `arn:aws:iam::${accountOf(prefix)}:policy/${prefix}-managed-role-boundary`;
  const withBoundary = () => ({ 'iam:PermissionsBoundary': boundaryArn() });

  it('can never change itself, the push or preview role, or lift any boundary', () => {
    const changes = [
      'iam:PutRolePolicy',
      'iam:DeleteRolePolicy',
      'iam:UpdateAssumeRolePolicy',
      'iam:AttachRolePolicy',
      'iam:DeleteRolePermissionsBoundary',
      'iam:PutRolePermissionsBoundary',
      'iam:DeleteRole',
      'iam:PassRole',
    ];
    for (const ciRole of ['github-deploy', 'github-push', 'github-preview'])
      for (const action of changes)
        expect(
          allows(deploy(), action, iamRole(prefix, ciRole), {
            ...withBoundary(),
            'iam:PolicyARN': 'arn:aws:iam::aws:policy/AmazonEKSClusterPolicy',
            'iam:PassedToService': 'ec2.amazonaws.com',
          }),
          `${action} on ${ciRole}`,
        ).toBe(false);
    expect(
      allows(deploy(), 'iam:DeleteRolePermissionsBoundary', iamRole(prefix, 'nodes-role-1')),
    ).toBe(false);
  });

  it('creates and changes its roles only when they carry the managed-role boundary, and writes no inline policy', () => {
    const nodeRole = iamRole(prefix, 'nodes-role-abc1234');
    expect(allows(deploy(), 'iam:PutRolePolicy', nodeRole, withBoundary())).toBe(false);
    for (const action of ['iam:CreateRole', 'iam:PutRolePermissionsBoundary']) {
      expect(allows(deploy(), action, nodeRole, withBoundary()), action).toBe(true);
      expect(allows(deploy(), action, nodeRole), `${action} without the boundary`).toBe(false);
      expect(
        allows(deploy(), action, nodeRole, {
          'iam:PermissionsBoundary': 'arn:aws:iam::aws:policy/AdministratorAccess',
        }),
      ).toBe(false);
    }
    const eksPolicy = {
      ...withBoundary(),
      'iam:PolicyARN': 'arn:aws:iam::aws:policy/AmazonEKSClusterPolicy',
    };
    expect(allows(deploy(), 'iam:AttachRolePolicy', nodeRole, eksPolicy)).toBe(true);
    expect(
      allows(deploy(), 'iam:AttachRolePolicy', nodeRole, {
        ...withBoundary(),
        'iam:PolicyARN': 'arn:aws:iam::aws:policy/AdministratorAccess',
      }),
    ).toBe(false);
    expect(allows(deploy(), 'iam:CreatePolicyVersion', boundaryArn())).toBe(false);
    expect(
      allows(
        deploy(),
        'iam:PutRolePolicy',
        `arn:aws:iam::${accountOf(prefix)}:role/other-role`,
        withBoundary(),
      ),
    ).toBe(false);
  });

  it('passes its roles to EKS and EC2 only', () => {
    const nodeRole = iamRole(prefix, 'nodes-role-abc1234');
    expect(
      allows(deploy(), 'iam:PassRole', nodeRole, { 'iam:PassedToService': 'ec2.amazonaws.com' }),
    ).toBe(true);
    expect(
      allows(deploy(), 'iam:PassRole', nodeRole, { 'iam:PassedToService': 'lambda.amazonaws.com' }),
    ).toBe(false);
  });

  it("creates the add-ons' Pod Identity roles only with the boundary, and passes them only to Pod Identity", () => {
    const addonRole = iamRole(prefix, 'addon-cert-manager');
    for (const action of ['iam:CreateRole', 'iam:PutRolePolicy']) {
      expect(allows(deploy(), action, addonRole, withBoundary()), action).toBe(true);
      expect(allows(deploy(), action, addonRole), `${action} without the boundary`).toBe(false);
    }
    const toPods = { 'iam:PassedToService': 'pods.eks.amazonaws.com' };
    expect(allows(deploy(), 'iam:PassRole', addonRole, toPods)).toBe(true);
    // A role named like an add-on but not declared in ADDON_IDENTITIES gets no policy, no pod.
    const undeclared = iamRole(prefix, 'addon-anything');
    expect(allows(deploy(), 'iam:PutRolePolicy', undeclared, withBoundary())).toBe(false);
    expect(allows(deploy(), 'iam:PassRole', undeclared, toPods)).toBe(false);
    // Who may act as an add-on is set once: no merge re-points its trust or replaces it.
    for (const action of ['iam:UpdateAssumeRolePolicy', 'iam:DeleteRole'])
      expect(allows(deploy(), action, addonRole, withBoundary()), action).toBe(false);
    expect(allows(deploy(), 'iam:UpdateAssumeRolePolicy', iamRole(prefix, 'nodes-role-1'))).toBe(
      true,
    );
    expect(allows(deploy(), 'iam:PassRole', iamRole(prefix, 'nodes-role-abc1234'), toPods)).toBe(
      false,
    );
    const cluster = (name: string) => `arn:aws:eks:eu-west-1:${accountOf(prefix)}:cluster/${name}`;
    expect(allows(deploy(), 'eks:CreatePodIdentityAssociation', cluster(prefix))).toBe(true);
    expect(allows(deploy(), 'eks:CreatePodIdentityAssociation', cluster('someone-else'))).toBe(
      false,
    );
  });

  it('creates and tags the hosted zone, but deletes no zone and writes no record', () => {
    const zone = 'arn:aws:route53:::hostedzone/Z0123456789';
    expect(allows(deploy(), 'route53:CreateHostedZone', '*')).toBe(true);
    expect(allows(deploy(), 'route53:ChangeTagsForResource', zone)).toBe(true);
    expect(allows(deploy(), 'route53:GetHostedZone', zone)).toBe(true);
    expect(allows(deploy(), 'route53:DeleteHostedZone', zone)).toBe(false);
    expect(allows(deploy(), 'route53:ChangeResourceRecordSets', zone)).toBe(false);
  });

  it('cannot push images: image builds have their own role', () => {
    const repository = `arn:aws:ecr:eu-west-1:${accountOf(prefix)}:repository/${prefix}/orders`;
    expect(allows(deploy(), 'ecr:PutImage', repository)).toBe(false);
  });

  it("changes the registry's template and scanning in its own region only", () => {
    const inRegion = { 'aws:RequestedRegion': 'eu-west-1' };
    expect(allows(deploy(), 'ecr:CreateRepositoryCreationTemplate', '*', inRegion)).toBe(true);
    expect(allows(deploy(), 'ecr:PutRegistryScanningConfiguration', '*', inRegion)).toBe(true);
    expect(
      allows(deploy(), 'ecr:CreateRepositoryCreationTemplate', '*', {
        'aws:RequestedRegion': 'us-east-1',
      }),
    ).toBe(false);
  });

  it('changes nothing on every resource unconditionally: changes are scoped by tag, name or ARN', () => {
    const statements = deploy().Statement as any[];
    expect(statements.flatMap(actionsOf)).not.toContain('*');
    const unscopedChanges = statements
      .filter((s) => s.Effect === 'Allow' && s.Resource === '*' && !s.Condition)
      .flatMap((s) => actionsOf(s).filter((action) => !readOnly(action)));
    // Route 53 has no resource or condition for creating a zone (and the stack creates one).
    expect(unscopedChanges).toEqual(['route53:CreateHostedZone']);
    const eks = statements.find((s) => s.Sid === 'ManageOwnCluster');
    for (const arn of eks.Resource)
      expect(arn).toMatch(new RegExp(`:(cluster/${prefix}|[a-z-]+/${prefix}/\\*)$`));
  });

  it('reads no instance user data, and keeps its inline policy under the IAM size limit', () => {
    expect(allows(deploy(), 'ec2:DescribeInstanceAttribute', '*')).toBe(false);
    expect(allows(deploy(), 'ec2:DescribeVpcs', '*')).toBe(true);
    expect(JSON.stringify(deploy()).replace(/\s/g, '').length).toBeLessThan(INLINE_POLICY_LIMIT);
  });
});

describe('the managed-role boundary (carried by the cluster, node and add-on roles)', () => {
  const bounded = (action: string, resource: string) =>
    allowsWithin(
      { Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] },
      boundary('shared-staging'),
      action,
      resource,
    );

  it('caps even an admin policy: no IAM change, no account, no state, no secrets keys', () => {
    expect(bounded('iam:PutRolePolicy', iamRole('shared-staging', 'github-deploy'))).toBe(false);
    expect(bounded('iam:CreateUser', '*')).toBe(false);
    expect(bounded('organizations:LeaveOrganization', '*')).toBe(false);
    expect(bounded('sts:AssumeRole', iamRole('shared-staging', 'github-deploy'))).toBe(false);
    expect(
      bounded(
        's3:GetObject',
        'arn:aws:s3:::acme-pulumi-state/.pulumi/stacks/infra-bootstrap/staging.json',
      ),
    ).toBe(false);
    expect(bounded('kms:Decrypt', BOOTSTRAP_KEY)).toBe(false);
    expect(bounded('kms:Decrypt', CLUSTER_KEY)).toBe(false);
  });

  it('leaves what the cluster and its nodes need', () => {
    expect(bounded('ec2:CreateNetworkInterface', '*')).toBe(true);
    expect(bounded('ecr:BatchGetImage', '*')).toBe(true);
    expect(bounded('iam:CreateServiceLinkedRole', '*')).toBe(true);
    expect(bounded('iam:GetRole', '*')).toBe(true);
  });

  it('is carried by the roles the deploy role manages, under the name the deploy role requires', () => {
    const policyResource = recorder.find(
      'aws:iam/policy:Policy',
      'platform-staging-github-managed-role-boundary',
    );
    const required = policy('platform-staging', 'deploy', 'deploy-infrastructure').Statement.find(
      (s: any) => s.Sid === 'ChangeRolesThatCarryTheBoundary',
    ).Condition.StringEquals['iam:PermissionsBoundary'];
    expect(required).toBe(
      `arn:aws:iam::${FIXTURE_ACCOUNTS.staging}:policy/${policyResource.inputs['name']}`,
    );
    const boundaryArn = policyResource.state['arn'];
    const managed = recorder
      .ofType('aws:iam/role:Role')
      .filter((r) => r.name.startsWith('platform-staging-') && !r.name.includes('-github-'));
    expect(managed.map((r) => r.name).sort()).toEqual([
      'platform-staging-addons-cert-manager-role',
      'platform-staging-addons-external-dns-role',
      'platform-staging-cluster-service-role',
      'platform-staging-nodes-role',
    ]);
    for (const r of managed) expect(r.inputs['permissionsBoundary'], r.name).toBe(boundaryArn);
  });
});

describe('the state of a self-managed backend: who reads what, who decrypts with which key', () => {
  const bucket = 'arn:aws:s3:::acme-pulumi-state/.pulumi';
  const preview = () => policy('shared-staging', 'preview', 'preview-infrastructure');
  const deploy = () => policy('shared-staging', 'deploy', 'deploy-infrastructure');

  it("previews read infra-cluster's stack of their environment, and nothing else", () => {
    expect(allows(preview(), 's3:GetObject', `${bucket}/stacks/infra-cluster/staging.json`)).toBe(
      true,
    );
    expect(allows(preview(), 's3:GetObject', `${bucket}/meta.yaml`)).toBe(true);
    for (const key of [
      'stacks/infra-bootstrap/staging.json',
      'stacks/infra-bootstrap/staging.json.bak',
      'stacks/infra-cluster/production.json',
      'history/infra-cluster/staging/staging-1.checkpoint.json',
      'backups/infra-bootstrap/staging/staging.1.json',
    ])
      expect(allows(preview(), 's3:GetObject', `${bucket}/${key}`), key).toBe(false);
    expect(
      allows(
        preview(),
        's3:PutObject',
        `${bucket}/locks/organization/infra-cluster/staging/x.json`,
      ),
    ).toBe(false);
  });

  it("previews list only where infra-cluster's stack is found", () => {
    const list = (prefix: string) =>
      allows(preview(), 's3:ListBucket', 'arn:aws:s3:::acme-pulumi-state', { 's3:prefix': prefix });
    expect(list('.pulumi/stacks/infra-cluster/staging.json')).toBe(true);
    expect(list('.pulumi/stacks/infra-bootstrap/staging.json')).toBe(false);
    expect(list('.pulumi/history/')).toBe(false);
  });

  it("previews decrypt with infra-cluster's key only; the deploy role with both", () => {
    expect(allows(preview(), 'kms:Decrypt', CLUSTER_KEY)).toBe(true);
    expect(allows(preview(), 'kms:Decrypt', BOOTSTRAP_KEY)).toBe(false);
    expect(allows(deploy(), 'kms:Decrypt', BOOTSTRAP_KEY)).toBe(true);
    expect(allows(deploy(), 'kms:Decrypt', CLUSTER_KEY)).toBe(true);
  });

  it("the deploy role writes its environment's stacks of both programs, never another environment's", () => {
    for (const key of [
      'stacks/infra-bootstrap/staging.json',
      'stacks/infra-cluster/staging.json.bak',
      'history/infra-cluster/staging/staging-1.history.json',
      'locks/organization/infra-bootstrap/staging/1.json',
    ])
      expect(allows(deploy(), 's3:PutObject', `${bucket}/${key}`), key).toBe(true);
    expect(
      allows(deploy(), 's3:GetObject', `${bucket}/stacks/infra-bootstrap/production.json`),
    ).toBe(false);
  });

  it('the committed stacks (Pulumi Cloud) get no S3 or KMS-decrypt access', () => {
    const actions = policy('platform-staging', 'deploy', 'deploy-infrastructure').Statement.flatMap(
      actionsOf,
    );
    expect(actions.filter((a: string) => a.startsWith('s3:') || a === 'kms:Decrypt')).toEqual([]);
  });
});
