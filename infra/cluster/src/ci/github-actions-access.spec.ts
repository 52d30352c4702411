import { beforeAll, describe, expect, it } from 'vitest';
import { defineStacks, stackNamed, type DefinedStack } from '../testing/define-stacks.js';
import { actionsOf, iamDocuments, readOnly } from '../testing/iam-documents.js';
import type { ResourceRecorder } from '../testing/resource-recorder.js';

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

const { role, trust, policy } = iamDocuments(() => recorder);
const GITHUB_PROVIDER_ARN =
  'arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com';

describe('the GitHub OIDC provider', () => {
  it('is created for token.actions.githubusercontent.com with the STS audience', () => {
    expect(
      recorder.find(
        'aws:iam/openIdConnectProvider:OpenIdConnectProvider',
        'platform-staging-github-oidc',
      ).inputs,
    ).toEqual({
      url: 'https://token.actions.githubusercontent.com',
      clientIdLists: ['sts.amazonaws.com'],
    });
  });

  it('is not created when the stack names an existing one, which the roles then trust', () => {
    expect(
      recorder.named('aws:iam/openIdConnectProvider:OpenIdConnectProvider', 'shared-'),
    ).toEqual([]);
    expect(trust('shared-staging', 'deploy').Statement[0].Principal).toEqual({
      Federated: EXISTING_PROVIDER,
    });
  });
});

describe.each([
  [
    'platform-staging',
    [
      'repo:fixture-org/fixture-repo:ref:refs/heads/main',
      'repo:fixture-org/fixture-repo:environment:staging',
    ],
  ],
  ['platform-production', ['repo:fixture-org/fixture-repo:environment:production']],
])('the %s deploy role', (prefix, subjects) => {
  it('has a predictable name', () => {
    expect(role(prefix, 'deploy').inputs['name']).toBe(`${prefix}-github-deploy`);
  });

  it('trusts exactly the configured subjects of the repository, for the STS audience', () => {
    expect(trust(prefix, 'deploy').Statement).toEqual([
      {
        Sid: 'GithubActionsOfThisRepository',
        Effect: 'Allow',
        Principal: { Federated: GITHUB_PROVIDER_ARN },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: {
          StringEquals: {
            'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
            'token.actions.githubusercontent.com:sub': subjects,
          },
        },
      },
    ]);
  });
});

describe('the read-only preview role', () => {
  it('trusts pull-request workflows and the main branch (the scheduled drift check) only', () => {
    const condition = trust('platform-staging', 'preview').Statement[0].Condition.StringEquals;
    expect(condition['token.actions.githubusercontent.com:sub']).toEqual([
      'repo:fixture-org/fixture-repo:pull_request',
      'repo:fixture-org/fixture-repo:ref:refs/heads/main',
    ]);
    expect(condition['token.actions.githubusercontent.com:aud']).toBe('sts.amazonaws.com');
  });

  it('may only read: no push, no change', () => {
    const actions = policy(
      'platform-staging',
      'preview',
      'preview-infrastructure',
    ).Statement.flatMap(actionsOf);
    expect(actions.length).toBeGreaterThan(0);
    expect(actions.filter((action: string) => !readOnly(action))).toEqual([]);
  });

  it('trusts only the main branch when pull requests are not trusted', () => {
    const condition = trust('shared-staging', 'preview').Statement[0].Condition.StringEquals;
    expect(condition['token.actions.githubusercontent.com:sub']).toEqual([
      'repo:fixture-org/fixture-repo:ref:refs/heads/main',
    ]);
    expect(stackNamed(stacks, 'shared-staging').outputs.ciPreviewRoleArn).toBeDefined();
  });
});
