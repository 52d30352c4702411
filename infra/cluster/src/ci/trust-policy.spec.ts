import { describe, expect, it } from 'vitest';
import type { GithubConfig } from '../config/cluster-config.js';
import { GITHUB_SUB_CLAIM_KEYS, githubSubjects, githubTrustPolicy } from './trust-policy.js';

const github = (changes: Partial<GithubConfig> = {}): GithubConfig => ({
  provider: 'github',
  repository: 'acme/platform',
  subjectRepo: 'repo:acme/platform',
  branch: 'main',
  deployClusterAdmin: true,
  pullRequests: true,
  environments: ['staging'],
  oidcProviderArn: undefined,
  ...changes,
});

describe('githubSubjects (claims repo, context, ref)', () => {
  it('deploys only from protected environments on the branch; pushes and previews from the branch', () => {
    expect(githubSubjects(github())).toEqual({
      deploy: {
        exact: ['repo:acme/platform:environment:staging:ref:refs/heads/main'],
        patterns: [],
      },
      push: { exact: ['repo:acme/platform:ref:refs/heads/main:ref:refs/heads/main'], patterns: [] },
      preview: {
        exact: ['repo:acme/platform:ref:refs/heads/main:ref:refs/heads/main'],
        patterns: ['repo:acme/platform:pull_request:ref:refs/pull/*/merge'],
      },
    });
  });

  it('follows the branch and the subject prefix, and trusts no pull request when they are off', () => {
    const subjects = githubSubjects(
      github({ branch: 'trunk', subjectRepo: 'repo:acme@1/platform@2', pullRequests: false }),
    );
    expect(subjects.deploy.exact).toEqual([
      'repo:acme@1/platform@2:environment:staging:ref:refs/heads/trunk',
    ]);
    expect(subjects.preview.patterns).toEqual([]);
  });
});

describe('githubTrustPolicy', () => {
  const provider = 'arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com';

  it('compares exact subjects with StringEquals and patterns with StringLike, each with the STS audience', () => {
    expect(
      githubTrustPolicy(provider, {
        exact: ['repo:acme/platform:ref:refs/heads/main:ref:refs/heads/main'],
        patterns: ['repo:acme/platform:pull_request:ref:refs/pull/*/merge'],
      }).Statement.map((s) => s.Condition),
    ).toEqual([
      {
        StringEquals: {
          'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
          'token.actions.githubusercontent.com:sub': [
            'repo:acme/platform:ref:refs/heads/main:ref:refs/heads/main',
          ],
        },
      },
      {
        StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
        StringLike: {
          'token.actions.githubusercontent.com:sub': [
            'repo:acme/platform:pull_request:ref:refs/pull/*/merge',
          ],
        },
      },
    ]);
  });

  it('refuses to trust no subject at all', () => {
    expect(() => githubTrustPolicy(provider, { exact: [], patterns: [] })).toThrow('no subject');
  });
});

describe('the claim keys the one-time setup sends', () => {
  it('are the ones the subjects are built for', async () => {
    const { readFile } = await import('node:fs/promises');
    const file = new URL('../../../../.github/oidc-sub-claims.json', import.meta.url);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({
      use_default: false,
      include_claim_keys: [...GITHUB_SUB_CLAIM_KEYS],
    });
  });
});
