import { FIXTURE_ACCOUNTS } from '../testing/fixture-stacks.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { defineStacks, stackNamed, type DefinedStack } from '../testing/define-stacks.js';
import { allows } from '../testing/iam-evaluate.js';
import { actionsOf, iamDocuments, readOnly } from '../testing/iam-documents.js';
import type { ResourceRecorder } from '../testing/resource-recorder.js';
import { INLINE_POLICY_LIMIT } from './policy-document.js';

let recorder: ResourceRecorder;
let stacks: Record<string, DefinedStack>;
const EXISTING_PROVIDER =
  'arn:aws:iam::100000000001:oidc-provider/token.actions.githubusercontent.com';
const SECRETS_KEY = 'arn:aws:kms:eu-west-1:100000000001:key/1234abcd-12ab-34cd-56ef-1234567890ab';

beforeAll(async () => {
  ({ recorder, stacks } = await defineStacks([
    'staging',
    'production',
    {
      stack: 'staging',
      overrides: {
        platformName: 'shared',
        githubOidcProviderArn: EXISTING_PROVIDER,
        githubPullRequests: false,
        pulumiStateBucket: 'acme-pulumi-state',
        pulumiSecretsKeyArn: SECRETS_KEY,
      },
    },
  ]));
});

const { policy } = iamDocuments(() => recorder);

describe.each(['platform-staging', 'platform-production'])('the %s deploy role', (prefix) => {
  const account = () => stackNamed(stacks, prefix).config.accountId;
  const repository = (name: string) => `arn:aws:ecr:eu-west-1:${account()}:repository/${name}`;

  it("pushes to any app's repository under its prefix, creating it on the first push", () => {
    const push = policy(prefix, 'deploy', 'push-images');
    const actions = [
      'ecr:CreateRepository',
      'ecr:PutImage',
      'ecr:UploadLayerPart',
      'ecr:DescribeImages',
    ];
    const target = repository(`${prefix}/an-app-not-yet-pushed`);
    expect(actions.filter((action) => !allows(push, action, target))).toEqual([]);
    expect(allows(push, 'ecr:GetAuthorizationToken', '*')).toBe(true);
  });

  it('pushes nowhere else, and never deletes or changes a repository', () => {
    const push = policy(prefix, 'deploy', 'push-images');
    const other = prefix === 'platform-staging' ? 'platform-production' : 'platform-staging';
    const elsewhere = [`${other}/orders`, 'orders', `${prefix}-other/orders`];
    expect(elsewhere.filter((name) => allows(push, 'ecr:PutImage', repository(name)))).toEqual([]);
    expect(allows(push, 'ecr:CreateRepository', repository('orders'))).toBe(false);
    const destructive = [
      'ecr:DeleteRepository',
      'ecr:BatchDeleteImage',
      'ecr:PutImageTagMutability',
      'ecr:SetRepositoryPolicy',
    ];
    const own = repository(`${prefix}/orders`);
    expect(destructive.filter((action) => allows(push, action, own))).toEqual([]);
  });

  it("changes the registry's template and scanning in its own region only", () => {
    const deploy = policy(prefix, 'deploy', 'deploy-infrastructure');
    const inRegion = { 'aws:RequestedRegion': 'eu-west-1' };
    expect(allows(deploy, 'ecr:CreateRepositoryCreationTemplate', '*', inRegion)).toBe(true);
    expect(allows(deploy, 'ecr:PutRegistryScanningConfiguration', '*', inRegion)).toBe(true);
    expect(
      allows(deploy, 'ecr:CreateRepositoryCreationTemplate', '*', {
        'aws:RequestedRegion': 'us-east-1',
      }),
    ).toBe(false);
  });

  it('may only read on every resource: changes are scoped by tag, name or ARN', () => {
    const statements = policy(prefix, 'deploy', 'deploy-infrastructure').Statement as any[];
    expect(statements.filter((statement) => statement.Effect !== 'Allow')).toEqual([]);
    expect(statements.flatMap(actionsOf)).not.toContain('*');
    const unscopedChanges = statements
      .filter((statement) => statement.Resource === '*' && !statement.Condition)
      .flatMap((statement) => actionsOf(statement).filter((action) => !readOnly(action)));
    expect(unscopedChanges).toEqual([]);
  });

  it('changes only roles named for this stack, and the cluster of this stack', () => {
    const statements = policy(prefix, 'deploy', 'deploy-infrastructure').Statement as any[];
    const iamChanges = statements.filter((s) =>
      actionsOf(s).some((a) =>
        /^iam:(Create|Delete|Put|Update|Attach|Detach|Pass|Tag)Role/.test(a),
      ),
    );
    expect(iamChanges.length).toBeGreaterThan(0);
    for (const statement of iamChanges)
      expect(statement.Resource).toBe(
        `arn:aws:iam::${prefix === 'platform-staging' ? FIXTURE_ACCOUNTS.staging : FIXTURE_ACCOUNTS.production}:role/${prefix}-*`,
      );
    const eks = statements.find((s) => s.Sid === 'ManageOwnCluster');
    for (const arn of eks.Resource)
      expect(arn).toMatch(new RegExp(`:(cluster/${prefix}|[a-z-]+/${prefix}/\\*)$`));
  });

  it('keeps its inline policies under the IAM size limit', () => {
    const size = ['push-images', 'deploy-infrastructure']
      .map((name) => JSON.stringify(policy(prefix, 'deploy', name)).replace(/\s/g, '').length)
      .reduce((a, b) => a + b);
    expect(size).toBeLessThan(INLINE_POLICY_LIMIT);
  });
});

describe('with a self-managed Pulumi backend in the account', () => {
  const statement = (sid: string) =>
    policy('shared-staging', 'deploy', 'deploy-infrastructure').Statement.find(
      (s: any) => s.Sid === sid,
    );

  it('the deploy role reads and writes the state, and decrypts the stack secrets', () => {
    expect(statement('ListTheStateBucket').Resource).toBe('arn:aws:s3:::acme-pulumi-state');
    expect(statement('WriteTheState')).toMatchObject({
      Action: ['s3:PutObject', 's3:DeleteObject'],
      Resource: 'arn:aws:s3:::acme-pulumi-state/.pulumi/*',
    });
    expect(statement('DecryptTheStackSecrets')).toMatchObject({
      Action: 'kms:Decrypt',
      Resource: SECRETS_KEY,
    });
  });

  it('the committed stacks (Pulumi Cloud) get no S3 or KMS-decrypt access', () => {
    const actions = policy('platform-staging', 'deploy', 'deploy-infrastructure').Statement.flatMap(
      actionsOf,
    );
    expect(
      actions.filter((action: string) => action.startsWith('s3:') || action === 'kms:Decrypt'),
    ).toEqual([]);
  });
});
