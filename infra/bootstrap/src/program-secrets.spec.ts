import * as pulumi from '@pulumi/pulumi';
import { describe, expect, it } from 'vitest';
import { ArgoCd } from './argocd/argocd.js';
import { readStackConfig } from '@platform/infra-stack-kit';
import {
  applyStackConfig,
  installMocks,
  promiseOf,
  settle,
} from '@platform/infra-stack-kit/testing';
import { PROJECT } from './config/bootstrap-fields.js';
import { parseBootstrapConfig } from './config/parse-bootstrap-config.js';
import {
  BOOTSTRAP_PROJECT,
  HTTPS_REPOSITORY,
  SECRETS,
  productionConfig,
  stagingConfig,
} from './testing/config-fixtures.js';
import { SSO_ENVIRONMENTS } from './testing/environments.js';
import { SECRET_SIG, SECRET_SIG_KEY } from './testing/kubernetes-mocks.js';
import { parseStack, type WorkspaceData } from './testing/problems-of.js';
import { clusterStack, runProgram } from './testing/run-program.js';

/** Every path at which `needle` occurs in `value`, and whether a secret wrapper encloses it. */
function occurrences(
  value: unknown,
  needle: string,
  path = '',
  inSecret = false,
): { path: string; inSecret: boolean }[] {
  if (typeof value === 'string') return value.includes(needle) ? [{ path, inSecret }] : [];
  if (value === null || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  const isSecret = record[SECRET_SIG_KEY] === SECRET_SIG;
  return Object.entries(record).flatMap(([key, inner]) =>
    occurrences(inner, needle, `${path}.${key}`, inSecret || isSecret),
  );
}

/** The runs whose workspace data differs from the workspace's. */
const workspaceOf: Record<string, WorkspaceData | undefined> = {
  production: { repository: HTTPS_REPOSITORY },
  'staging with SSO': { environments: SSO_ENVIRONMENTS },
};

describe('secrets stay secret', () => {
  it.each([
    ['staging', stagingConfig(), [SECRETS.deployKey.trim(), SECRETS.webhook]],
    ['production', productionConfig(), [SECRETS.appKey.trim(), SECRETS.webhook]],
    [
      'staging with SSO',
      stagingConfig({ oidcClientSecret: SECRETS.oidc }),
      [SECRETS.deployKey.trim(), SECRETS.webhook, SECRETS.oidc],
    ],
  ] as const)(
    '%s: each secret reaches the engine only inside a secret, and only where it belongs',
    async (name, raw, secrets) => {
      const stack = name.split(' ')[0] ?? name;
      const run = await runProgram(raw, stack, workspaceOf[name]);
      const allowed = [
        /^kubernetes:core\/v1:Secret argocd-repository\.stringData\.value\.(sshPrivateKey|githubAppPrivateKey)$/,
        /^kubernetes:core\/v1:Secret argocd-secret\.stringData\.value\.(webhook\.github\.secret|oidc\.clientSecret)$/,
      ];
      for (const secret of secrets) {
        const found = [...run.engine.entries()].flatMap(([key, request]) =>
          occurrences(request.inputs, secret, key),
        );
        expect(found).not.toEqual([]);
        expect(found.filter((occurrence) => !occurrence.inSecret)).toEqual([]);
        expect(found.filter(({ path }) => !allowed.some((pattern) => pattern.test(path)))).toEqual(
          [],
        );
      }
      const outputs = JSON.stringify(await promiseOf(pulumi.output(run.outputs)));
      for (const secret of secrets) expect(outputs).not.toContain(secret);
    },
  );

  it('takes a secret key as a secret even when the stack set it without --secret', async () => {
    // No public API tells how a value was set: requireSecret makes it a secret either way.
    applyStackConfig(BOOTSTRAP_PROJECT, stagingConfig(), []);
    const { config } = parseBootstrapConfig(readStackConfig(PROJECT), 'staging');
    const webhookSecret = config.argocdSecrets.webhookSecret;
    expect(webhookSecret).toBeDefined();
    expect(await pulumi.isSecret(webhookSecret ?? pulumi.output(''))).toBe(true);
    expect(await promiseOf(webhookSecret ?? '')).toBe(SECRETS.webhook);
  });

  it('keeps the kubeconfig secret even when the cluster stack forgot to mark it', async () => {
    const run = await runProgram(stagingConfig(), 'staging', {
      stacks: { 'acme/infra-cluster/staging': clusterStack('staging', { secretOutputNames: [] }) },
    });
    const provider = run.engine.get('pulumi:providers:kubernetes cluster')?.inputs;
    expect(provider.kubeconfig[SECRET_SIG_KEY]).toBe(SECRET_SIG);
    expect(JSON.parse(provider.kubeconfig.value)).toMatchObject({
      kind: 'Config',
      'current-context': 'staging',
    });
  });

  it('marks argocd-secret and the repository credentials as secret outputs, and no Release value', async () => {
    await installMocks(PROJECT, 'staging');
    const { config } = parseStack(stagingConfig(), 'staging');
    const argocd = new ArgoCd('argocd', {
      environment: config.environment,
      secrets: config.argocdSecrets,
      repo: config.repo,
    });
    expect(argocd.repositorySecret).toBeDefined();
    expect(await pulumi.isSecret(argocd.argocdSecret.stringData)).toBe(true);
    expect(
      await pulumi.isSecret(argocd.repositorySecret?.stringData ?? pulumi.output(undefined)),
    ).toBe(true);
    // The values are environment data only, the same git holds: nothing in them is secret.
    expect(await pulumi.isSecret(argocd.release.values)).toBe(false);
    await settle();
  });
});
