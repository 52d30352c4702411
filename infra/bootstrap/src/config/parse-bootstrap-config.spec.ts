import { promiseOf, type StackValues } from '@platform/infra-stack-kit/testing';
import * as pulumi from '@pulumi/pulumi';
import { describe, expect, it } from 'vitest';
import { workspaceRepository } from '@platform/environments';
import {
  HTTPS_REPOSITORY,
  SECRETS,
  localConfig,
  productionConfig,
  stagingConfig,
} from '../testing/config-fixtures.js';
import {
  NO_WEBHOOK_ENVIRONMENTS,
  SSO_ENVIRONMENTS,
  withStagingArgoCd,
} from '../testing/environments.js';
import { parseStack, problemsOf } from '../testing/problems-of.js';

describe('parseBootstrapConfig: valid stacks', () => {
  it("reads staging: the environment, the cluster stack, the workspace's repository, an ssh deploy key, the webhook secret", async () => {
    const { config } = parseStack(stagingConfig(), 'staging');
    expect(config.environment.name).toBe('staging');
    expect(config.cluster).toEqual({
      kind: 'stack-reference',
      stackName: 'acme/infra-cluster/staging',
    });
    // Not stack keys: the repository the rendered platform layer names, exactly.
    expect(config.repo).toMatchObject({ ...workspaceRepository, transport: 'ssh' });
    expect(config.repo.credentials.kind).toBe('ssh');
    const webhookSecret = config.argocdSecrets.webhookSecret ?? pulumi.output('');
    expect(await pulumi.isSecret(webhookSecret)).toBe(true);
    expect(await promiseOf(webhookSecret)).toBe(SECRETS.webhook);
    expect(config.argocdSecrets.oidcClientSecret).toBeUndefined();
  });

  it('reads production: its environment data (HA lives there) and GitHub App credentials', () => {
    const { config } = parseStack(productionConfig(), 'production', {
      repository: HTTPS_REPOSITORY,
    });
    expect(config.environment.argocd?.highAvailability).toBe(true);
    expect(config.repo.credentials).toMatchObject({
      kind: 'github-app',
      appId: '123456',
      installationId: '7890123',
    });
  });

  it('reads the OIDC client secret when the environment signs in through SSO', async () => {
    const { config } = parseStack(stagingConfig({ oidcClientSecret: SECRETS.oidc }), 'staging', {
      environments: SSO_ENVIRONMENTS,
    });
    expect(await promiseOf(config.argocdSecrets.oidcClientSecret ?? '')).toBe(SECRETS.oidc);
  });

  it('reads no webhook secret when the environment polls only', () => {
    const { config } = parseStack(stagingConfig({ githubWebhookSecret: undefined }), 'staging', {
      environments: NO_WEBHOOK_ENVIRONMENTS,
    });
    expect(config.argocdSecrets).toEqual({});
  });

  it('reads local: a kubeconfig context instead of the cluster stack, any environment', () => {
    const { config } = parseStack(localConfig({ environment: 'production' }), 'local', {
      repository: HTTPS_REPOSITORY,
    });
    expect(config.cluster).toEqual({ kind: 'kube-context', context: 'kind-platform' });
    expect(config.environment.name).toBe('production');
    expect(config.repo.credentials).toEqual({ kind: 'public' });
  });

  it('warns when the environment has webhooks on but nothing exposes the server to GitHub', () => {
    const { warnings } = parseStack(stagingConfig(), 'staging');
    expect(warnings).toEqual([expect.stringContaining('no argocd.ingress')]);
    const exposed = withStagingArgoCd({ ingress: { host: 'argocd.staging.example.com' } });
    expect(parseStack(stagingConfig(), 'staging', { environments: exposed }).warnings).toEqual([]);
  });
});

describe('parseBootstrapConfig: every problem names its key', () => {
  it.each<[string, StackValues, string, string?]>([
    [
      'an unknown environment',
      stagingConfig({ environment: 'qa' }),
      "infra-bootstrap:environment: 'qa' is not an environment of the workspace (known: staging, production)",
    ],
    [
      'a missing environment',
      stagingConfig({ environment: undefined }),
      'infra-bootstrap:environment: is required and not set',
    ],
    [
      'an environment the stack is not named after',
      stagingConfig({ environment: 'production' }),
      "infra-bootstrap:environment: 'production' does not match the stack",
    ],
    [
      'neither cluster stack nor context',
      stagingConfig({ clusterStack: undefined }),
      'infra-bootstrap:clusterStack: this or infra-bootstrap:kubeContext must be set, not both (neither is set)',
    ],
    [
      'both cluster stack and context',
      stagingConfig({ kubeContext: 'kind-platform' }),
      '(both are set)',
    ],
    [
      'a cluster stack of another project',
      stagingConfig({ clusterStack: 'acme/network/staging' }),
      "infra-bootstrap:clusterStack: 'acme/network/staging' is not a stack of the cluster project",
    ],
    [
      'the cluster stack of another environment',
      stagingConfig({ clusterStack: 'acme/infra-cluster/production' }),
      "is the cluster of 'production', not of environment 'staging'",
    ],
    [
      'a misspelled key',
      stagingConfig({ repoRevison: 'main' }),
      'infra-bootstrap:repoRevison: is not a config key of this program (known: environment, clusterStack',
    ],
  ])('refuses %s', (_what, raw, expected, stack = 'staging') => {
    expect(problemsOf(raw, stack)).toContainEqual(expect.stringContaining(expected));
  });

  it('reports every problem at once, one a line, in one error', () => {
    const raw = stagingConfig({
      environment: 'qa',
      clusterStack: 'not a stack',
      repoSshPrivateKey: undefined,
    });
    expect(() => parseStack(raw, 'local')).toThrow(
      /stack 'local' has invalid config:\n {2}- infra-bootstrap:environment: .*\n {2}- infra-bootstrap:clusterStack: .*\n {2}- infra-bootstrap:repoSshPrivateKey/,
    );
  });

  it('never prints a secret value, even a malformed one', () => {
    const raw = stagingConfig({
      repoSshPrivateKey: 'not-a-key-but-still-secret',
      githubWebhookSecret: 'short',
    });
    const message = problemsOf(raw).join('\n');
    expect(message).toContain('repoSshPrivateKey');
    expect(message).not.toContain('not-a-key-but-still-secret');
    expect(message).not.toContain("'short'");
  });
});
