import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { rawStackConfig } from '@platform/infra-stack-kit/testing';
import { clusterFields } from './config/cluster-fields.js';
import { parseClusterConfig } from './config/parse-cluster-config.js';
import { CLUSTER_PROJECT, readProjectYaml } from './testing/stack-files.js';

const project = readProjectYaml('Pulumi.yaml');

function committedStacks(): string[] {
  return readdirSync(fileURLToPath(new URL('..', import.meta.url)))
    .map((file) => /^Pulumi\.(.+)\.yaml$/.exec(file)?.[1])
    .filter((stack): stack is string => stack !== undefined)
    .sort();
}
const declared = project.config as Record<
  string,
  { type: string; default?: unknown; description?: string; items?: unknown }
>;

describe('Pulumi.yaml', () => {
  it('runs src/index.ts with Node through tsx', () => {
    expect(project.name).toBe('infra-cluster');
    expect(project.main).toBe('src/index.ts');
    expect(project.runtime).toEqual({
      name: 'nodejs',
      options: { typescript: false, nodeargs: '--import=tsx' },
    });
  });

  it('documents exactly the keys the program reads', () => {
    expect(Object.keys(declared).sort()).toEqual(Object.keys(clusterFields.shape).sort());
  });

  it.each(Object.keys(clusterFields.shape))(
    'declares %s with a type the CLI checks and a description',
    (key) => {
      const entry = declared[key];
      expect(['string', 'integer', 'boolean', 'array']).toContain(entry?.type);
      expect(entry?.description?.length ?? 0).toBeGreaterThan(20);
      expect(entry?.items).toEqual(entry?.type === 'array' ? { type: 'string' } : undefined);
    },
  );

  it('holds the defaults (the only place they are written), each a valid value', () => {
    const defaults = Object.keys(declared).filter((key) => 'default' in (declared[key] ?? {}));
    expect(defaults).toContain('platformName');
    expect(Object.keys(CLUSTER_PROJECT.defaults).sort()).toEqual(defaults.sort());
    // The defaults alone: the required keys are missing, but no default is refused (a GitHub
    // stack's empty githubEnvironments is refused by the cross-key checks, not by its field).
    const raw = rawStackConfig(CLUSTER_PROJECT, {});
    const parsed = clusterFields.safeParse(raw);
    const badDefaults = (parsed.error?.issues ?? [])
      .map((issue: { path: PropertyKey[] }) => String(issue.path[0]))
      .filter((key: string) => defaults.includes(key));
    expect(badDefaults).toEqual([]);
  });
});

// The committed stack files, whichever a team keeps: every Pulumi.<stack>.yaml of this project.
describe.each(committedStacks())('Pulumi.%s.yaml', (stack) => {
  const config = (readProjectYaml(`Pulumi.${stack}.yaml`) as { config: Record<string, unknown> })
    .config;

  it('sets only keys of this project that Pulumi.yaml declares', () => {
    const undeclared = Object.keys(config).filter(
      (key) =>
        !(key.startsWith('infra-cluster:') && key.slice('infra-cluster:'.length) in declared),
    );
    expect(undeclared).toEqual([]);
  });

  it('sets every required key (those without a default)', () => {
    const required = Object.keys(declared).filter((key) => !('default' in (declared[key] ?? {})));
    expect(required.length).toBeGreaterThan(0);
    expect(required.filter((key) => config[`infra-cluster:${key}`] === undefined)).toEqual([]);
  });

  it("is a valid stack of its environment, whose image registry it creates (whatever the team's values)", () => {
    const values = Object.fromEntries(
      Object.entries(config).map(([key, value]) => [key.slice('infra-cluster:'.length), value]),
    );
    expect(() => parseClusterConfig(rawStackConfig(CLUSTER_PROJECT, values), stack)).not.toThrow();
  });

  it('holds no secret, in plain text or encrypted (the program needs none)', () => {
    // Pulumi writes an encrypted value as `{ secure: … }`; a key naming a credential is one too.
    // (Values may say `token`: the GitHub OIDC provider is token.actions.githubusercontent.com.)
    expect(
      Object.values(config).filter((v) => typeof v === 'object' && v !== null && 'secure' in v),
    ).toEqual([]);
    expect(Object.keys(config).filter((key) => /password|token|secret/i.test(key))).toEqual([]);
  });
});
