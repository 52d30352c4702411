import { describe, expect, it } from 'vitest';
import type { GithubConfig } from '../config/cluster-config.js';
import { githubSubjects, githubTrustPolicy } from './trust-policy.js';

const github = (changes: Partial<GithubConfig> = {}): GithubConfig => ({
  repository: 'acme/platform',
  branch: 'main',
  deployFromBranch: true,
  deployClusterAdmin: true,
  pullRequests: true,
  environments: [],
  oidcProviderArn: undefined,
  ...changes,
});

describe('githubSubjects', () => {
  it('trusts the deploy branch for deploys, and pull requests and the branch (drift checks) for previews', () => {
    expect(githubSubjects(github())).toEqual({
      deploy: ['repo:acme/platform:ref:refs/heads/main'],
      preview: ['repo:acme/platform:pull_request', 'repo:acme/platform:ref:refs/heads/main'],
    });
  });

  it('adds protected environments, and can leave the branch out so that only they deploy', () => {
    expect(githubSubjects(github({ environments: ['production'] })).deploy).toEqual([
      'repo:acme/platform:ref:refs/heads/main',
      'repo:acme/platform:environment:production',
    ]);
    expect(
      githubSubjects(github({ environments: ['production'], deployFromBranch: false })).deploy,
    ).toEqual(['repo:acme/platform:environment:production']);
  });

  it('trusts no pull request when they are off', () => {
    expect(githubSubjects(github({ pullRequests: false })).preview).toEqual([
      'repo:acme/platform:ref:refs/heads/main',
    ]);
  });
});

describe('githubTrustPolicy', () => {
  const provider = 'arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com';

  it('lets GitHub tokens for STS with exactly these subjects assume the role', () => {
    expect(githubTrustPolicy(provider, ['repo:acme/platform:pull_request'])).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'GithubActionsOfThisRepository',
          Effect: 'Allow',
          Principal: { Federated: provider },
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: {
            StringEquals: {
              'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
              'token.actions.githubusercontent.com:sub': ['repo:acme/platform:pull_request'],
            },
          },
        },
      ],
    });
  });

  it('refuses to trust no subject at all', () => {
    expect(() => githubTrustPolicy(provider, [])).toThrow('no subject');
  });
});
