import { describe, expect, it } from 'vitest';
import {
  HTTPS_REPOSITORY,
  localConfig,
  productionConfig,
  stagingConfig,
} from '../testing/config-fixtures.js';
import { parseStack, problemsOf } from '../testing/problems-of.js';
import type { StackValues } from '@platform/infra-stack-kit/testing';

/** Each fixture stack with a repository its access can use (staging's ssh is the workspace's). */
const usable = (stack: string) => (stack === 'staging' ? {} : { repository: HTTPS_REPOSITORY });

describe('parseRepoSettings (through parseBootstrapConfig)', () => {
  it.each<[string, StackValues, string, string?]>([
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
  ])('refuses %s, naming the key', (_what, raw, expected, stack = 'staging') => {
    expect(problemsOf(raw, stack, usable(stack))).toContainEqual(expect.stringContaining(expected));
  });

  it('takes no repository URL or revision from the stack: they are workspace data', () => {
    for (const key of ['repoUrl', 'repoRevision']) {
      expect(problemsOf(stagingConfig({ [key]: 'main' }))).toContainEqual(
        expect.stringContaining(key),
      );
    }
  });
});

/**
 * The repository is libs/environments/src/repository.ts, not a key: a URL the access cannot use
 * is reported on repoAccess, naming the URL and the file to change.
 */
describe("repoAccess against the workspace's repository", () => {
  const at = (url: string, revision = 'main') => ({ repository: { url, revision } });
  const SOURCE = '(workspaceRepository in libs/environments/src/repository.ts)';

  it.each<[string, StackValues, ReturnType<typeof at>, string, string?]>([
    [
      'an https URL with a deploy key',
      stagingConfig(),
      at('https://github.com/acme/platform.git'),
      `infra-bootstrap:repoAccess: 'ssh' needs an ssh repository URL, but 'https://github.com/acme/platform.git' ${SOURCE} is https`,
    ],
    [
      'an ssh URL for a public repository',
      localConfig(),
      at('git@github.com:acme/platform.git'),
      `infra-bootstrap:repoAccess: 'public' needs an https repository URL, but 'git@github.com:acme/platform.git' ${SOURCE} is ssh`,
      'local',
    ],
    [
      'an ssh URL for a GitHub App',
      productionConfig(),
      at('git@github.com:acme/platform.git'),
      "infra-bootstrap:repoAccess: 'github-app' needs an https repository URL",
      'production',
    ],
    [
      'a URL that is neither https nor ssh',
      stagingConfig(),
      at('ftp://github.com/acme/platform.git'),
      `infra-bootstrap:repoAccess: cannot be used: the repository URL 'ftp://github.com/acme/platform.git' ${SOURCE} is neither https`,
    ],
    [
      'a token in the URL',
      localConfig(),
      at('https://ghp_x@github.com/acme/platform.git'),
      'infra-bootstrap:repoAccess: cannot be used: the repository URL',
      'local',
    ],
    [
      'a revision with a space',
      stagingConfig(),
      at('git@github.com:acme/platform.git', 'my branch'),
      `infra-bootstrap:repoAccess: cannot be used: the repository revision 'my branch' ${SOURCE} is not a branch, tag or commit`,
    ],
  ])('refuses %s, on repoAccess', (_what, raw, workspace, expected, stack = 'staging') => {
    expect(problemsOf(raw, stack, workspace)).toContainEqual(expect.stringContaining(expected));
  });

  it('accepts the URL in the form the access needs, and never prints a token in it', () => {
    expect(() =>
      parseStack(localConfig(), 'local', { repository: HTTPS_REPOSITORY }),
    ).not.toThrow();
    const message = problemsOf(
      localConfig(),
      'local',
      at('https://ghp_x@github.com/acme/platform.git'),
    ).join('\n');
    expect(message).toContain('carries credentials');
  });
});
