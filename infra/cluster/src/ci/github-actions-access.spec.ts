import { beforeAll, describe, expect, it } from 'vitest';
import { defineStacks, stackNamed, type DefinedStack } from '../testing/define-stacks.js';
import { FIXTURE_REPOSITORY } from '../testing/fixture-stacks.js';
import { trusts } from '../testing/iam-evaluate.js';
import { actionsOf, iamDocuments, readOnly, type CiRoleKind } from '../testing/iam-documents.js';
import type { ResourceRecorder } from '@platform/infra-stack-kit/testing';

let recorder: ResourceRecorder;
let stacks: Record<string, DefinedStack>;
const EXISTING_PROVIDER =
  'arn:aws:iam::100000000001:oidc-provider/token.actions.githubusercontent.com';

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
        githubSubjectPrefix: 'repo:fixture-org@101/fixture-repo@202',
      },
    },
  ]));
});

const { role, trust } = iamDocuments(() => recorder);

/** The `sub` GitHub presents, with the repository's claims customised to repo, context, ref. */
const repo = `repo:${FIXTURE_REPOSITORY}`;
const SUBJECTS = {
  'main, no environment': `${repo}:ref:refs/heads/main:ref:refs/heads/main`,
  'staging environment on main': `${repo}:environment:staging:ref:refs/heads/main`,
  'production environment on main': `${repo}:environment:production:ref:refs/heads/main`,
  'staging environment, dispatched from a branch': `${repo}:environment:staging:ref:refs/heads/feature/x`,
  'production environment, dispatched from a branch': `${repo}:environment:production:ref:refs/heads/main-fix`,
  'a branch, no environment': `${repo}:ref:refs/heads/feature/x:ref:refs/heads/feature/x`,
  'a pull request': `${repo}:pull_request:ref:refs/pull/12/merge`,
  'the default format, environment only': `${repo}:environment:staging`,
  'the default format, branch only': `${repo}:ref:refs/heads/main`,
  'the default format, pull request': `${repo}:pull_request`,
  'another repository on main': 'repo:fixture-org/other:environment:staging:ref:refs/heads/main',
} as const;
type Case = keyof typeof SUBJECTS;
const trusted = (prefix: string, kind: CiRoleKind): Case[] =>
  (Object.keys(SUBJECTS) as Case[]).filter((name) => trusts(trust(prefix, kind), SUBJECTS[name]));

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

describe('who may assume each CI role (the trust policies, evaluated)', () => {
  it.each([
    ['platform-staging', 'deploy', ['staging environment on main']],
    ['platform-production', 'deploy', ['production environment on main']],
    ['platform-staging', 'push', ['main, no environment']],
    ['platform-production', 'push', ['main, no environment']],
    ['platform-staging', 'preview', ['main, no environment', 'a pull request']],
    ['platform-production', 'preview', ['main, no environment', 'a pull request']],
  ] as const)('%s %s: exactly %j', (prefix, kind, expected) => {
    expect(trusted(prefix, kind)).toEqual(expected);
  });

  it('every role that can write trusts only subjects that carry the main ref', () => {
    for (const prefix of ['platform-staging', 'platform-production'])
      for (const kind of ['deploy', 'push'] as const)
        for (const statement of trust(prefix, kind).Statement) {
          expect(statement.Condition.StringLike, `${prefix} ${kind}`).toBeUndefined();
          for (const sub of statement.Condition.StringEquals[
            'token.actions.githubusercontent.com:sub'
          ])
            expect(sub).toMatch(/:ref:refs\/heads\/main$/);
        }
  });

  it('trusts no pull request when they are off, and uses the immutable subject prefix when given', () => {
    const ids = 'repo:fixture-org@101/fixture-repo@202';
    expect(
      trusts(trust('shared-staging', 'preview'), `${ids}:pull_request:ref:refs/pull/1/merge`),
    ).toBe(false);
    expect(
      trusts(trust('shared-staging', 'preview'), `${ids}:ref:refs/heads/main:ref:refs/heads/main`),
    ).toBe(true);
    expect(
      trusts(trust('shared-staging', 'deploy'), `${ids}:environment:staging:ref:refs/heads/main`),
    ).toBe(true);
    expect(trusts(trust('shared-staging', 'deploy'), SUBJECTS['staging environment on main'])).toBe(
      false,
    );
  });

  it('always requires the STS audience', () => {
    for (const statement of trust('platform-staging', 'preview').Statement)
      expect(statement.Condition.StringEquals['token.actions.githubusercontent.com:aud']).toBe(
        'sts.amazonaws.com',
      );
  });
});

describe('the CI roles', () => {
  it('have predictable names, which the workflows name before the first deploy', () => {
    for (const kind of ['deploy', 'push', 'preview'] as const)
      expect(role('platform-production', kind).inputs['name']).toBe(
        `platform-production-github-${kind}`,
      );
    expect(stackNamed(stacks, 'shared-staging').outputs.ciPreviewRoleArn).toBeDefined();
  });

  it('the preview role may only read: no push, no change, no write to the state', () => {
    const { policy } = iamDocuments(() => recorder);
    const actions = policy(
      'platform-staging',
      'preview',
      'preview-infrastructure',
    ).Statement.flatMap(actionsOf);
    expect(actions.length).toBeGreaterThan(0);
    expect(actions.filter((action: string) => !readOnly(action))).toEqual([]);
  });
});
