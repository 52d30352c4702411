import { beforeAll, describe, expect, it } from 'vitest';
import { defineStacks, stackNamed, type DefinedStack } from '../testing/define-stacks.js';
import { actionsOf, iamDocuments, readOnly } from '../testing/iam-documents.js';
import { promiseOf } from '../testing/promise-of.js';
import type { ResourceRecorder } from '../testing/resource-recorder.js';
import { INLINE_POLICY_LIMIT } from './policy-document.js';
import { ECR_PUSH_ACTIONS } from './push-statements.js';

let recorder: ResourceRecorder;
let stacks: Record<string, DefinedStack>;
const EXISTING_PROVIDER =
  'arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com';
const SECRETS_KEY = 'arn:aws:kms:eu-west-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab';

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
  it('pushes only to the app repositories, and logs in to the registry', async () => {
    const repositoryUrls = await promiseOf(stackNamed(stacks, prefix).outputs.ecrRepositoryUrls);
    const repositoryArns = recorder
      .named('aws:ecr/repository:Repository', `${prefix}-images-`)
      .map((repository) => repository.state['arn']);
    expect(repositoryArns).toHaveLength(Object.keys(repositoryUrls).length);
    expect(policy(prefix, 'deploy', 'push-images').Statement).toEqual([
      {
        Sid: 'LogInToTheRegistry',
        Effect: 'Allow',
        Action: 'ecr:GetAuthorizationToken',
        Resource: '*',
      },
      {
        Sid: 'PushToTheAppRepositories',
        Effect: 'Allow',
        Action: ECR_PUSH_ACTIONS,
        Resource: repositoryArns,
      },
    ]);
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
        `arn:aws:iam::${prefix === 'platform-staging' ? '111111111111' : '222222222222'}:role/${prefix}-*`,
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
