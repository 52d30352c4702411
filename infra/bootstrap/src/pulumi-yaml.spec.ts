import { workspaceEnvironments, type Environment } from '@platform/environments';
import { resolveArgoCdSettings } from '@platform/platform';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { rawStackConfig } from '@platform/infra-stack-kit/testing';
import { PROJECT, SECRET_KEYS, bootstrapFields } from './config/bootstrap-fields.js';
import { BOOTSTRAP_PROJECT, SECRETS } from './testing/config-fixtures.js';
import { environmentNamed } from './testing/environments.js';
import { parseStack } from './testing/problems-of.js';
import { PROJECT_ROOT } from './testing/workspace.js';

const read = (file: string): any => parse(readFileSync(join(PROJECT_ROOT, file), 'utf8'));
const project = read('Pulumi.yaml');
const declared = Object.fromEntries(
  Object.entries(project.config).filter(([key]) => !key.includes(':')),
) as Record<string, any>;
const stackFiles = readdirSync(PROJECT_ROOT).filter((file) => /^Pulumi\.[^.]+\.yaml$/.test(file));
const secretKeys: readonly string[] = SECRET_KEYS;
const programKeys = Object.keys(bootstrapFields('staging', ['staging']).shape);

/** The environment a stack file bootstraps. */
function environmentOf(values: Record<string, string>): Environment {
  return environmentNamed(values.environment ?? '');
}

/** A stack file's config as the CLI hands it to the program: strings, arrays as JSON. */
function stackValues(file: string): Record<string, string> {
  const config: Record<string, unknown> = read(file).config ?? {};
  return Object.fromEntries(
    Object.entries(config).map(([key, value]) => [
      key.replace(`${PROJECT}:`, ''),
      typeof value === 'string' ? value : JSON.stringify(value),
    ]),
  );
}

describe('Pulumi.yaml', () => {
  it('runs src/index.ts through tsx as the infra-bootstrap project', () => {
    expect(project.name).toBe(PROJECT);
    expect(project.runtime).toEqual({
      name: 'nodejs',
      options: { typescript: false, nodeargs: '--import=tsx' },
    });
    expect(project.main).toBe('src/index.ts');
    expect(existsSync(join(PROJECT_ROOT, project.main))).toBe(true);
  });

  it('disables the default Kubernetes provider, so nothing reaches the ambient kubeconfig', () => {
    expect(project.config['pulumi:disable-default-providers']).toContain('kubernetes');
  });

  it('declares exactly the keys the program reads, each documented', () => {
    expect(Object.keys(declared).sort()).toEqual([...programKeys].sort());
    const undocumented = Object.entries(declared).filter(
      ([, declaration]) => !/\w{3,}/.test(declaration.description ?? ''),
    );
    expect(undocumented).toEqual([]);
  });

  it.each(programKeys)('declares %s with a type the CLI checks', (key) => {
    expect(['string', 'boolean', 'integer', 'array']).toContain(declared[key].type);
    expect(declared[key].items).toEqual(
      declared[key].type === 'array' ? { type: 'string' } : undefined,
    );
  });

  it('holds the defaults (the only place they are written), each a valid value', () => {
    const required = programKeys.filter((key) => !('default' in declared[key]));
    expect(required.sort()).toEqual(['environment', 'repoAccess']);
    // The defaults alone: only the required keys (and what needs them) are refused.
    const parsed = bootstrapFields('staging', ['staging']).safeParse(
      rawStackConfig(BOOTSTRAP_PROJECT, {}),
    );
    expect(new Set(parsed.error?.issues.map((issue) => String(issue.path[0])))).toEqual(
      new Set(required),
    );
  });

  it.each(secretKeys)('tells how to set %s as a secret', (key) => {
    expect(declared[key].description).toContain(`pulumi config set --secret ${key}`);
    // The CLI refuses a plaintext default on a `secret: true` key; the program enforces it instead.
    expect(declared[key]).not.toHaveProperty('secret');
  });
});

describe('stack files', () => {
  it('exist for every environment of libs/environments, and for a local cluster', () => {
    expect(stackFiles).toEqual(
      expect.arrayContaining([
        'Pulumi.local.yaml',
        ...workspaceEnvironments.map((e) => `Pulumi.${e.name}.yaml`),
      ]),
    );
  });

  it.each(stackFiles)('%s sets only declared keys, and no secret in plain text', (file) => {
    const config: Record<string, unknown> = read(file).config;
    const unknown = Object.keys(config).filter(
      (key) => !programKeys.some((known) => key === `${PROJECT}:${known}`),
    );
    const plaintextSecrets = secretKeys.filter(
      (key) => `${PROJECT}:${key}` in config && typeof config[`${PROJECT}:${key}`] !== 'object',
    );
    expect(unknown).toEqual([]);
    expect(plaintextSecrets).toEqual([]);
  });

  it.each(stackFiles)('%s is a valid config once its secrets are set', (file) => {
    const stack = file.replace(/^Pulumi\.|\.yaml$/g, '');
    const values = stackValues(file);
    const secrets: Record<string, string> = {
      ...(values.repoAccess === 'ssh' ? { repoSshPrivateKey: SECRETS.deployKey } : {}),
      ...(values.repoAccess === 'github-app' ? { githubAppPrivateKey: SECRETS.appKey } : {}),
      // The environment's Argo CD settings say which argocd-secret keys the stack needs.
      ...(resolveArgoCdSettings(environmentOf(values)).gitWebhook
        ? { githubWebhookSecret: SECRETS.webhook }
        : {}),
      ...(environmentOf(values).argocd?.sso ? { oidcClientSecret: SECRETS.oidc } : {}),
    };
    expect(() => parseStack({ ...values, ...secrets }, stack)).not.toThrow();
  });

  it("sets no Argo CD setting: they are the environment's data, which git applies too", () => {
    const settings = Object.keys(resolveArgoCdSettings(environmentNamed('staging')));
    for (const file of stackFiles) {
      expect(Object.keys(stackValues(file)).filter((key) => settings.includes(key))).toEqual([]);
    }
    for (const key of [...settings, 'controllerReplicas', 'ingressHost', 'oidcIssuer']) {
      expect(programKeys).not.toContain(key);
    }
  });

  it('bootstraps the local stack from a kubeconfig context, the others from the cluster stack', () => {
    expect(stackValues('Pulumi.local.yaml')).toHaveProperty('kubeContext');
    for (const file of ['Pulumi.staging.yaml', 'Pulumi.production.yaml']) {
      expect(stackValues(file).clusterStack).toMatch(/\/infra-cluster\/(staging|production)$/);
    }
  });
});

describe('Nx targets', () => {
  const nx = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')).nx;

  it('previews with a diff and applies per stack, never from the cache', () => {
    expect(nx.targets.preview).toEqual({
      command: 'pulumi preview --cwd infra/bootstrap --stack {args.stack} --diff',
      cache: false,
    });
    expect(nx.targets.up).toEqual({
      command: 'pulumi up --cwd infra/bootstrap --stack {args.stack} --yes',
      cache: false,
    });
    expect(nx.tags).toEqual(['type:infra', 'scope:bootstrap']);
  });
});
