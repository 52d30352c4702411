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
  HUB_AND_SPOKE,
  HUB_AND_SPOKE_ENVIRONMENTS,
  NO_WEBHOOK_ENVIRONMENTS,
  SSO_ENVIRONMENTS,
  withStagingArgoCd,
} from '../testing/environments.js';
import { parseStack, problemsOf } from '../testing/problems-of.js';

/** The bootstrap stack of HUB_AND_SPOKE: named after the environment, connected to its hub. */
const hubConfig = (overrides: Record<string, string | undefined> = {}) =>
  stagingConfig({
    environment: 'retail',
    clusterStack: 'acme/infra-cluster/retail-mgmt',
    ...overrides,
  });

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
    // One cluster: nothing to register in its Argo CD.
    expect(config.workloadClusters).toEqual([]);
  });

  it("reads a hub-and-spoke environment's stack: the hub's cluster stack, and each workload cluster's beside it", () => {
    const { config } = parseStack(hubConfig(), 'retail', {
      environments: HUB_AND_SPOKE_ENVIRONMENTS,
    });
    expect(config.cluster).toEqual({
      kind: 'stack-reference',
      stackName: 'acme/infra-cluster/retail-mgmt',
    });
    expect(
      config.workloadClusters.map(({ cluster, stackName }) => [cluster.name, stackName]),
    ).toEqual([
      ['emea', 'acme/infra-cluster/retail-emea'],
      ['apac', 'acme/infra-cluster/retail-apac'],
    ]);
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

  it.each<[string, StackValues, string, string?]>([
    [
      "a workload cluster's stack",
      hubConfig({ clusterStack: 'acme/infra-cluster/retail-emea' }),
      "infra-bootstrap:clusterStack: 'acme/infra-cluster/retail-emea' is not the hub of environment 'retail': the bootstrap connects to its hub 'mgmt', 'acme/infra-cluster/retail-mgmt', which registers the workload clusters",
    ],
    [
      'the stack named after the environment, which no cluster has',
      hubConfig({ clusterStack: 'acme/infra-cluster/retail' }),
      "'acme/infra-cluster/retail' is not the hub of environment 'retail'",
    ],
    [
      'a kubeconfig context instead of the hub',
      hubConfig({ clusterStack: undefined, kubeContext: 'kind-platform' }),
      "infra-bootstrap:kubeContext: cannot bootstrap environment 'retail': it has a hub and workload clusters (libs/environments clusters), which are EKS only, and its Argo CD reaches them through IAM (EKS Pod Identity), which a kubeconfig context (kind) cannot give; set clusterStack to the hub's stack, <org>/infra-cluster/retail-mgmt, instead",
    ],
    [
      'the local stack (kind)',
      localConfig({
        environment: 'retail',
        repoAccess: 'ssh',
        repoSshPrivateKey: SECRETS.deployKey,
      }),
      "infra-bootstrap:kubeContext: cannot bootstrap environment 'retail'",
      'local',
    ],
  ])('refuses for a hub-and-spoke environment %s', (_what, raw, expected, stack = 'retail') => {
    expect(problemsOf(raw, stack, { environments: HUB_AND_SPOKE_ENVIRONMENTS })).toContainEqual(
      expect.stringContaining(expected),
    );
  });

  it('refuses clusters on Flux, on the environment (libs/environments says why)', () => {
    const onFlux = [{ ...HUB_AND_SPOKE, engine: 'flux' as const }];
    expect(
      problemsOf(hubConfig({ githubWebhookSecret: undefined }), 'retail', {
        environments: onFlux,
      }),
    ).toContainEqual(
      expect.stringContaining(
        "infra-bootstrap:environment: cannot be bootstrapped: environment 'retail': clusters need engine 'argocd'",
      ),
    );
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
