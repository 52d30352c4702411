import { describe, expect, it } from 'vitest';
import { deployIamStatements } from './deploy-iam-statements.js';
import { deployResourceStatements } from './deploy-resource-statements.js';
import type { DeployScope } from './deploy-scope.js';
import type { PolicyStatement } from './policy-document.js';
import { stateBackendStatements } from './state-backend-statements.js';

const scope: DeployScope = {
  partition: 'aws-us-gov',
  region: 'us-gov-west-1',
  accountId: '123456789012',
  namePrefix: 'acme-qa',
  clusterName: 'acme-qa',
  tags: { environment: 'qa', project: 'acme' },
  ciProvider: 'github',
  managedCiOidcHost: 'token.actions.githubusercontent.com',
  managesHostedZone: true,
};
const bySid = (statements: PolicyStatement[], sid: string) => {
  const found = statements.find((statement) => statement.Sid === sid);
  if (!found) throw new Error(`no statement ${sid}`);
  return found;
};

describe('deployResourceStatements', () => {
  const statements = deployResourceStatements(scope);

  it('creates EC2 resources and KMS keys only when the request carries the stack’s tags', () => {
    for (const sid of ['CreateTaggedNetwork', 'CreateTaggedKeys']) {
      expect(bySid(statements, sid).Condition).toEqual({
        StringEquals: { 'aws:RequestTag/environment': 'qa', 'aws:RequestTag/project': 'acme' },
      });
    }
  });

  it('changes EC2 resources and KMS keys only when they bear the stack’s tags', () => {
    for (const sid of ['ChangeOwnNetwork', 'ManageOwnKeys']) {
      expect(bySid(statements, sid).Condition).toEqual({
        StringEquals: { 'aws:ResourceTag/environment': 'qa', 'aws:ResourceTag/project': 'acme' },
      });
    }
  });

  it('tags only what it is creating', () => {
    expect(
      bySid(statements, 'TagWhatItCreates').Condition?.['StringEquals']?.['ec2:CreateAction'],
    ).toContain('ec2:CreateVpc');
  });

  it('names the partition, region and account in every ARN', () => {
    expect(bySid(statements, 'ManageOwnKeys').Resource).toBe(
      'arn:aws-us-gov:kms:us-gov-west-1:123456789012:key/*',
    );
    expect(bySid(statements, 'ManageControlPlaneLogGroup').Resource).toEqual([
      'arn:aws-us-gov:logs:us-gov-west-1:123456789012:log-group:/aws/eks/acme-qa/cluster',
      'arn:aws-us-gov:logs:us-gov-west-1:123456789012:log-group:/aws/eks/acme-qa/cluster:*',
    ]);
  });
});

describe('the hosted zone statements', () => {
  it('create a zone only when the stack creates it, and never delete one', () => {
    const creating = deployResourceStatements(scope);
    expect(bySid(creating, 'CreateTheHostedZone').Action).toBe('route53:CreateHostedZone');
    const adopting = deployResourceStatements({ ...scope, managesHostedZone: false });
    expect(adopting.map((s) => s.Sid)).not.toContain('CreateTheHostedZone');
    const actions = creating.flatMap((s) => [s.Action ?? []].flat());
    expect(actions.filter((a) => a.startsWith('route53:')).sort()).toEqual([
      'route53:ChangeTagsForResource',
      'route53:CreateHostedZone',
      'route53:UpdateHostedZoneComment',
    ]);
  });

  it('name the partition in the zone ARN', () => {
    expect(bySid(deployResourceStatements(scope), 'TagAndDescribeTheHostedZone').Resource).toBe(
      'arn:aws-us-gov:route53:::hostedzone/*',
    );
  });
});

describe('deployIamStatements', () => {
  it('writes inline policies only on the add-on roles, and passes them only to Pod Identity', () => {
    const statements = deployIamStatements(scope);
    expect(bySid(statements, 'WriteAddonRolePolicies')).toEqual({
      Sid: 'WriteAddonRolePolicies',
      Effect: 'Allow',
      Action: 'iam:PutRolePolicy',
      Resource: [
        'arn:aws-us-gov:iam::123456789012:role/acme-qa-addon-cert-manager',
        'arn:aws-us-gov:iam::123456789012:role/acme-qa-addon-external-dns',
      ],
      Condition: {
        StringEquals: {
          'iam:PermissionsBoundary':
            'arn:aws-us-gov:iam::123456789012:policy/acme-qa-managed-role-boundary',
        },
      },
    });
    expect(bySid(statements, 'PassAddonRolesToPodIdentity').Condition).toEqual({
      StringEquals: { 'iam:PassedToService': 'pods.eks.amazonaws.com' },
    });
    expect(bySid(statements, 'AddonRolesKeepTheirTrust')).toMatchObject({
      Effect: 'Deny',
      Resource: 'arn:aws-us-gov:iam::123456789012:role/acme-qa-addon-*',
    });
  });

  it('passes its roles to EKS and EC2 only', () => {
    expect(bySid(deployIamStatements(scope), 'PassOwnRolesToEksAndEc2')).toEqual({
      Sid: 'PassOwnRolesToEksAndEc2',
      Effect: 'Allow',
      Action: 'iam:PassRole',
      Resource: 'arn:aws-us-gov:iam::123456789012:role/acme-qa-*',
      Condition: {
        StringEquals: { 'iam:PassedToService': ['eks.amazonaws.com', 'ec2.amazonaws.com'] },
      },
    });
  });

  it('attaches only the EKS managed policies', () => {
    const arns = bySid(deployIamStatements(scope), 'AttachOnlyEksManagedPolicies').Condition?.[
      'ArnEquals'
    ]?.['iam:PolicyARN'];
    expect(arns).toEqual([
      'arn:aws-us-gov:iam::aws:policy/AmazonEKSClusterPolicy',
      'arn:aws-us-gov:iam::aws:policy/AmazonEKSWorkerNodePolicy',
      'arn:aws-us-gov:iam::aws:policy/AmazonEKS_CNI_Policy',
      'arn:aws-us-gov:iam::aws:policy/AmazonEC2ContainerRegistryPullOnly',
    ]);
  });

  it('manages the CI system’s OIDC provider only when the stack owns it', () => {
    const github =
      'arn:aws-us-gov:iam::123456789012:oidc-provider/token.actions.githubusercontent.com';
    expect(bySid(deployIamStatements(scope), 'ManageOidcProviders').Resource).toContain(github);
    expect(
      bySid(deployIamStatements({ ...scope, managedCiOidcHost: undefined }), 'ManageOidcProviders')
        .Resource,
    ).not.toContain(github);
    expect(
      bySid(
        deployIamStatements({ ...scope, ciProvider: 'gitlab', managedCiOidcHost: 'gitlab.com' }),
        'ManageOidcProviders',
      ).Resource,
    ).toEqual([
      'arn:aws-us-gov:iam::123456789012:oidc-provider/oidc.eks.us-gov-west-1.amazonaws.com/id/*',
      'arn:aws-us-gov:iam::123456789012:oidc-provider/gitlab.com',
    ]);
  });

  it('never changes the CI roles of the stack’s provider: <prefix>-github-* or <prefix>-gitlab-*', () => {
    expect(bySid(deployIamStatements(scope), 'NeverTheCiRoles').Resource).toBe(
      'arn:aws-us-gov:iam::123456789012:role/acme-qa-github-*',
    );
    expect(
      bySid(deployIamStatements({ ...scope, ciProvider: 'gitlab' }), 'NeverTheCiRoles').Resource,
    ).toBe('arn:aws-us-gov:iam::123456789012:role/acme-qa-gitlab-*');
  });
});

describe('stateBackendStatements', () => {
  const backend = {
    bucket: 'acme-state',
    secretsKeyArn: undefined,
    bootstrapSecretsKeyArn: undefined,
  };
  const scope = { partition: 'aws-us-gov', environment: 'qa' };

  it('names the partition and the environment in every state ARN', () => {
    expect(
      bySid(stateBackendStatements(backend, 'preview', scope), 'ReadTheClusterStack').Resource,
    ).toEqual([
      'arn:aws-us-gov:s3:::acme-state/.pulumi/meta.yaml',
      'arn:aws-us-gov:s3:::acme-state/.pulumi/stacks/infra-cluster/qa.*',
    ]);
  });

  it('grants nothing for Pulumi Cloud', () => {
    expect(
      stateBackendStatements(
        { bucket: undefined, secretsKeyArn: undefined, bootstrapSecretsKeyArn: undefined },
        'deploy',
        scope,
      ),
    ).toEqual([]);
  });
});
