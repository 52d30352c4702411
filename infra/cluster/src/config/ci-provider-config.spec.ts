import { describe, expect, it } from 'vitest';
import { configProblems, parseStaging, problemWith } from '../testing/config-changes.js';

/** The fixture staging stack switched to GitLab: the github* keys unset, the project set. */
const GITLAB = {
  ciProvider: 'gitlab',
  githubRepository: undefined,
  githubEnvironments: undefined,
  gitlabProject: 'acme/platform/gitops',
};

describe('ciProvider', () => {
  it('is github by default, with the github* keys', () => {
    expect(parseStaging({}).ci).toMatchObject({
      provider: 'github',
      repository: 'fixture-org/fixture-repo',
      environments: ['staging'],
    });
  });

  it('gitlab reads the gitlab* keys, with gitlab.com, main and merge requests by default', () => {
    expect(parseStaging(GITLAB).ci).toEqual({
      provider: 'gitlab',
      host: 'gitlab.com',
      project: 'acme/platform/gitops',
      branch: 'main',
      deployClusterAdmin: true,
      mergeRequests: true,
      oidcProviderArn: undefined,
    });
  });

  it('a self-managed instance with its existing provider', () => {
    const arn = 'arn:aws:iam::100000000001:oidc-provider/gitlab.acme.example';
    expect(
      parseStaging({ ...GITLAB, gitlabHost: 'gitlab.acme.example', gitlabOidcProviderArn: arn }).ci,
    ).toMatchObject({ host: 'gitlab.acme.example', oidcProviderArn: arn });
  });

  it('refuses an unknown provider, naming the choices', () => {
    expect(problemWith('ciProvider', { ciProvider: 'jenkins' })).toBe(
      "infra-cluster:ciProvider: 'jenkins' is not one of github, gitlab",
    );
  });
});

describe('a GitLab stack refuses', () => {
  it('a missing project', () => {
    expect(problemWith('gitlabProject', { ...GITLAB, gitlabProject: undefined })).toBe(
      'infra-cluster:gitlabProject: is required and not set (ciProvider is gitlab)',
    );
  });

  it.each([
    ['gitlabProject', 'platform', 'is not a GitLab project path'],
    ['gitlabProject', 'acme/*', 'is not a GitLab project path'],
    ['gitlabHost', 'https://gitlab.com', 'is not a host name'],
    ['gitlabBranch', 'release/*', 'is not a branch name (no wildcards)'],
  ])('%s = %j', (key, value, problem) => {
    expect(problemWith(key, { ...GITLAB, [key]: value })).toContain(problem);
  });

  it('an existing OIDC provider of another issuer', () => {
    expect(
      problemWith('gitlabOidcProviderArn', {
        ...GITLAB,
        gitlabOidcProviderArn:
          'arn:aws:iam::100000000001:oidc-provider/token.actions.githubusercontent.com',
      }),
    ).toContain('is not the OIDC provider of infra-cluster:gitlabHost (gitlab.com)');
  });

  it('the keys of GitHub, each named', () => {
    expect(
      configProblems({
        ...GITLAB,
        githubRepository: 'acme/platform',
        githubEnvironments: ['staging'],
      }),
    ).toEqual([
      "infra-cluster:githubRepository: is a key of ciProvider github, but this stack's ciProvider is gitlab: remove it",
      "infra-cluster:githubEnvironments: is a key of ciProvider github, but this stack's ciProvider is gitlab: remove it",
    ]);
  });
});

describe('a GitHub stack refuses', () => {
  it('the keys of GitLab', () => {
    expect(problemWith('gitlabProject', { gitlabProject: 'acme/platform' })).toContain(
      "is a key of ciProvider gitlab, but this stack's ciProvider is github",
    );
  });

  it('a missing repository or deploy environment', () => {
    expect(configProblems({ githubRepository: undefined, githubEnvironments: undefined })).toEqual([
      'infra-cluster:githubRepository: is required and not set',
      'infra-cluster:githubEnvironments: is empty: only jobs of a protected GitHub environment deploy, so no workflow could',
    ]);
  });
});
