import { describe, expect, it } from 'vitest';
import { localConfig, productionConfig, stagingConfig } from '../testing/config-fixtures.js';
import { problemsOf } from '../testing/problems-of.js';
import type { StackValues } from '@platform/infra-stack-kit/testing';

describe('parseRepoSettings (through parseBootstrapConfig)', () => {
  it.each<[string, StackValues, string, string?]>([
    [
      'a repository URL that is neither https nor ssh',
      stagingConfig({ repoUrl: 'ftp://github.com/acme/platform.git' }),
      "infra-bootstrap:repoUrl: 'ftp://github.com/acme/platform.git' is neither https",
    ],
    [
      'a plain-http repository URL',
      localConfig({ repoUrl: 'http://github.com/acme/platform.git' }),
      "infra-bootstrap:repoUrl: 'http://github.com/acme/platform.git' is neither https",
      'local',
    ],
    [
      'a token in the repository URL',
      localConfig({ repoUrl: 'https://ghp_x@github.com/acme/platform.git' }),
      'infra-bootstrap:repoUrl',
      'local',
    ],
    [
      'an https URL with a deploy key',
      stagingConfig({ repoUrl: 'https://github.com/acme/platform.git' }),
      "repoAccess 'ssh' needs an ssh URL",
    ],
    [
      'an ssh URL for a public repository',
      localConfig({ repoUrl: 'git@github.com:acme/platform.git' }),
      "repoAccess 'public' needs an https URL",
      'local',
    ],
    [
      'a missing deploy key',
      stagingConfig({ repoSshPrivateKey: undefined }),
      'infra-bootstrap:repoSshPrivateKey: is missing',
    ],
    [
      'a deploy key that is not a key',
      stagingConfig({ repoSshPrivateKey: 'ssh-ed25519 AAAA public-half' }),
      'infra-bootstrap:repoSshPrivateKey: is not a private key',
    ],
    [
      'a missing GitHub App key',
      productionConfig({ githubAppPrivateKey: undefined }),
      'infra-bootstrap:githubAppPrivateKey: is missing',
      'production',
    ],
    [
      'a GitHub App id that is not a number',
      productionConfig({ githubAppId: 'my-app' }),
      "infra-bootstrap:githubAppId: 'my-app' is not a number",
      'production',
    ],
    [
      'an unknown repository access',
      stagingConfig({ repoAccess: 'token' }),
      "infra-bootstrap:repoAccess: 'token' is not one of public, ssh, github-app",
    ],
    [
      'a credential the access mode does not use',
      localConfig({ githubAppId: '42' }),
      "infra-bootstrap:githubAppId: is set but repoAccess is 'public'",
      'local',
    ],
    [
      'a revision with a space',
      stagingConfig({ repoRevision: 'my branch' }),
      "infra-bootstrap:repoRevision: 'my branch' is not a branch, tag or commit",
    ],
  ])('refuses %s, naming the key', (_what, raw, expected, stack = 'staging') => {
    expect(problemsOf(raw, stack)).toContainEqual(expect.stringContaining(expected));
  });
});
