import { promiseOf, type StackValues } from '@platform/infra-stack-kit/testing';
import * as pulumi from '@pulumi/pulumi';
import { describe, expect, it } from 'vitest';
import {
  SECRETS,
  localConfig,
  productionConfig,
  stagingConfig,
} from '../testing/config-fixtures.js';
import { parseStack, problemsOf } from '../testing/problems-of.js';

describe('parseBootstrapConfig: valid stacks', () => {
  it('reads staging: the cluster stack, an ssh deploy key, the webhook, defaults for the rest', async () => {
    const { config, warnings } = parseStack(stagingConfig(), 'staging');
    expect(config.environment).toBe('staging');
    expect(config.cluster).toEqual({
      kind: 'stack-reference',
      stackName: 'acme/infra-cluster/staging',
    });
    expect(config.repo).toMatchObject({
      url: 'git@github.com:acme/platform.git',
      transport: 'ssh',
      revision: 'main',
    });
    expect(config.repo.credentials.kind).toBe('ssh');
    expect(config.argocd).toMatchObject({
      highAvailability: false,
      replicas: { controller: 1, server: 1, repoServer: 1, applicationSet: 1 },
      reconciliationTimeout: '180s',
      adminEnabled: false,
      ingress: { host: 'argocd.staging.example.com' },
    });
    const webhookSecret = config.argocd.webhookSecret ?? pulumi.output('');
    expect(await pulumi.isSecret(webhookSecret)).toBe(true);
    expect(await promiseOf(webhookSecret)).toBe(SECRETS.webhook);
    expect(config.argocd.sso).toBeUndefined();
    expect(warnings).toEqual([]);
  });

  it('reads production: HA replicas, GitHub App credentials and SSO', () => {
    const { config } = parseStack(productionConfig(), 'production');
    expect(config.argocd.highAvailability).toBe(true);
    expect(config.argocd.replicas).toEqual({
      controller: 1,
      server: 2,
      repoServer: 2,
      applicationSet: 2,
    });
    expect(config.repo.credentials).toMatchObject({
      kind: 'github-app',
      appId: '123456',
      installationId: '7890123',
    });
    expect(config.argocd.sso).toMatchObject({
      issuer: 'https://login.example.com',
      clientId: 'argocd',
      adminGroups: ['platform-admins'],
    });
  });

  it('reads local: a kubeconfig context instead of the cluster stack, any environment, no webhook', () => {
    const { config } = parseStack(localConfig({ environment: 'production' }), 'local');
    expect(config.cluster).toEqual({ kind: 'kube-context', context: 'kind-platform' });
    expect(config.environment).toBe('production');
    expect(config.repo.credentials).toEqual({ kind: 'public' });
    expect(config.argocd.webhookSecret).toBeUndefined();
    expect(config.argocd.adminEnabled).toBe(true);
  });

  it('warns when webhooks are on but nothing exposes the server to GitHub', () => {
    const { warnings } = parseStack(stagingConfig({ ingressHost: undefined }), 'staging');
    expect(warnings).toEqual([expect.stringContaining('ingressHost is unset')]);
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
      repoUrl: 'ftp://x/y/z',
      githubWebhookSecret: undefined,
    });
    expect(() => parseStack(raw, 'local')).toThrow(
      /stack 'local' has invalid config:\n {2}- infra-bootstrap:environment: .*\n {2}- infra-bootstrap:repoUrl: .*\n {2}- infra-bootstrap:githubWebhookSecret/,
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
