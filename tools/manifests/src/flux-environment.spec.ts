import { execFileSync } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { testEnvironments } from '@platform/environments/testing';
import { PLATFORM_CHARTS } from '@platform/platform';
import { parseAllDocuments } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkFreshness, synth, validateOnDisk } from './pipeline.js';
import { renderPlatform } from './render/render-platform.js';
import { validateManifests } from './validate/validate-manifests.js';
import { fixtureWorkspace, writeImage } from './testing/fixture-workspace.js';
import { FixtureWebChart } from './testing/index.js';
import { createTempWorkspace, removeTempWorkspace } from './testing/temp-workspace.js';
import type { KubeObject } from './validate/problem.js';

const [stage, live] = testEnvironments;
if (!stage || !live) throw new Error('no test environments');
/** The fixture workspace with its first environment on Flux, the second on Argo CD. */
const environments = [{ ...stage, engine: 'flux' as const }, live];
const apps = { orders: FixtureWebChart, billing: FixtureWebChart };

let root: string;
beforeEach(async () => {
  root = await createTempWorkspace();
  for (const app of Object.keys(apps))
    for (const { name } of environments)
      await writeImage(root, name, app, `registry.test/${name}/${app}:1.0.0`);
});
afterEach(() => removeTempWorkspace(root));

const workspace = () => fixtureWorkspace(root, apps, environments);
const objectsOf = (files: { file: string; object: KubeObject }[], prefix: string) =>
  files.filter((f) => f.file.startsWith(prefix)).map((f) => f.object);
/** What `kubectl kustomize` builds from a directory of the rendered tree. */
/**
 * What `kubectl kustomize` (kustomize as Flux and `kubectl apply -k` run it) builds from a
 * directory of the rendered tree. kubectl is a prerequisite of the tests (README, "Set up").
 */
const kustomize = (directory: string): KubeObject[] => {
  let output: string;
  try {
    output = execFileSync('kubectl', ['kustomize', join(root, directory)], { encoding: 'utf8' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new Error('these tests need kubectl (client only; kustomize is built in) on PATH', {
        cause: error,
      });
    throw error;
  }
  return parseAllDocuments(output).map((document) => document.toJS() as KubeObject);
};
const kinds = (objects: KubeObject[]) =>
  objects.map((o) => `${String(o.kind)}/${String(o.metadata?.name)}`);

describe('an environment whose engine is flux', () => {
  it('renders Flux objects and no Argo CD object; the Argo CD environment is unchanged', async () => {
    const result = await synth(workspace());
    const flux = objectsOf([...result.files], `manifests/${stage.name}/`);
    expect(flux.filter((o) => String(o.apiVersion).startsWith('argoproj.io/'))).toEqual([]);
    // The apps' directories stay as they are (Flux ignores their Argo CD annotations).
    const layer = objectsOf([...result.files], `manifests/${stage.name}/_platform/`);
    expect(JSON.stringify(layer)).not.toContain('argocd.argoproj.io/');
    const argo = objectsOf([...result.files], `manifests/${live.name}/_platform/`);
    expect(argo.some((o) => o.kind === 'ApplicationSet')).toBe(true);
    expect(argo.some((o) => String(o.apiVersion).includes('fluxcd.io'))).toBe(false);
  });

  it('installs each add-on as a HelmRelease with the pin and the values of its Argo CD Application', async () => {
    const result = await synth(workspace());
    const releases = objectsOf([...result.files], `manifests/${stage.name}/_platform/`).filter(
      (o) => o.kind === 'HelmRelease',
    );
    // The same environment on Argo CD: its add-on Applications (Argo CD itself aside).
    const applications = renderPlatform({ environment: stage, reservedNamespaces: [], apps: [] })
      .map((file) => file.object)
      .filter((o) => o.kind === 'Application' && o.metadata?.name !== 'argocd');
    expect(applications.length).toBeGreaterThan(3);
    expect(releases.map((r) => r.metadata?.name).sort()).toEqual(
      applications.map((a) => a.metadata?.name).sort(),
    );
    const sources = objectsOf([...result.files], `manifests/${stage.name}/_platform/`);
    for (const application of applications) {
      const source = (application['spec'] as any).source;
      const release = releases.find((r) => r.metadata?.name === application.metadata?.name)!;
      const spec = release['spec'] as any;
      expect(spec.releaseName).toBe(source.helm.releaseName);
      expect(spec.targetNamespace).toBe((application['spec'] as any).destination.namespace);
      const pin = Object.values(PLATFORM_CHARTS).find((chart) => chart.chart === source.chart)!;
      // Where the chart comes from: an OCIRepository at the pin's tag, or a HelmRepository
      // of the pin's URL asked for the pin's version.
      const location = pin.oci
        ? sources
            .filter((o) => o.kind === 'OCIRepository' && o.metadata?.name === spec.chartRef?.name)
            .map((o) => ({ url: (o['spec'] as any).url, version: (o['spec'] as any).ref.tag }))
        : sources
            .filter(
              (o) =>
                o.kind === 'HelmRepository' && o.metadata?.name === spec.chart?.spec.sourceRef.name,
            )
            .map((o) => ({ url: (o['spec'] as any).url, version: spec.chart.spec.version }));
      expect(location).toEqual([
        {
          url: pin.oci ? `oci://${pin.repo}/${pin.chart}` : pin.repo,
          version: source.targetRevision,
        },
      ]);
      // Flux reads the values as the Helm CLI does; the Application and the HelmRelease
      // carry the same values object (JSON either way).
      expect(spec.values).toEqual(source.helm.valuesObject);
    }
  });

  it('gives each app directory a Kustomization that prunes, waits, and follows the add-ons', async () => {
    const result = await synth(workspace());
    const kustomizations = objectsOf(
      [...result.files],
      `manifests/${stage.name}/_platform/`,
    ).filter((o) => o.kind === 'Kustomization');
    for (const app of Object.keys(apps)) {
      const spec = kustomizations.find((k) => k.metadata?.name === `${stage.name}-${app}`)?.[
        'spec'
      ] as any;
      expect(spec).toMatchObject({
        path: `./manifests/${stage.name}/${app}`,
        prune: true,
        wait: true,
        timeout: '5m',
        dependsOn: [{ name: 'platform-addons' }],
        sourceRef: { kind: 'GitRepository', name: 'platform', namespace: 'flux-system' },
      });
    }
    const config = kustomizations.find((k) => k.metadata?.name === 'platform-config');
    expect((config?.['spec'] as any).dependsOn).toEqual([{ name: 'platform-addons' }]);
  });

  it("builds with kustomize: each cluster kind's root holds the layer's and the apps' Kustomizations; its addons and config build", async () => {
    await synth(workspace());
    const platform = `manifests/${stage.name}/_platform`;
    for (const kind of ['aws', 'local']) {
      const root = kinds(kustomize(`${platform}/${kind}`)).sort();
      expect(root).toEqual(
        [
          'Alert/commit-status',
          'Kustomization/platform-addons',
          'Kustomization/platform-config',
          `Kustomization/${stage.name}-billing`,
          `Kustomization/${stage.name}-orders`,
          'Provider/commit-status',
        ].sort(),
      );
      const addons = kinds(kustomize(`${platform}/${kind}/addons`));
      expect(addons).toContain('HelmRelease/cert-manager');
      expect(addons.includes('HelmRelease/external-dns')).toBe(kind === 'aws');
      const config = kinds(kustomize(`${platform}/${kind}/config`));
      expect(config).toEqual(expect.arrayContaining(['ClusterIssuer/platform', 'Gateway/edge']));
    }
  });

  it('passes validate on disk (Flux CRD schemas, kustomizations, Kustomization paths), and check-fresh', async () => {
    await synth(workspace());
    expect((await validateOnDisk(workspace())).problems).toEqual([]);
    expect(await checkFreshness(workspace())).toEqual({ added: [], changed: [], removed: [] });
  });

  it("checks the Flux objects against Flux's schemas: a misspelt field or a bad value is refused", async () => {
    const result = await synth(workspace());
    const flux = result.files.filter((f) => f.file.includes(`${stage.name}/_platform/`));
    const broken = flux.map((file) => {
      if (file.object.kind === 'HelmRelease' && file.object.metadata?.name === 'cert-manager')
        return {
          ...file,
          object: { ...file.object, spec: { ...(file.object['spec'] as object), intervall: '1m' } },
        };
      if (file.object.kind === 'Kustomization' && file.object.metadata?.name === 'platform-config')
        return {
          ...file,
          object: { ...file.object, spec: { ...(file.object['spec'] as object), prune: 'yes' } },
        };
      return file;
    });
    const problems = validateManifests(broken).map((p) => `${p.object} ${p.check}`);
    expect(problems).toContain('HelmRelease/cert-manager strict-fields');
    expect(problems).toContain('Kustomization/platform-config schema');
  });

  it('refuses a Kustomization whose path does not exist, naming it', async () => {
    await synth(workspace());
    const file = join(
      root,
      `manifests/${stage.name}/_platform/sync/kustomization-${stage.name}-orders.yaml`,
    );
    await writeFile(
      file,
      (await readFile(file, 'utf8')).replace(`/${stage.name}/orders`, `/${stage.name}/order`),
    );
    const { problems } = await validateOnDisk(workspace());
    expect(problems.map((p) => p.message)).toContain(
      `spec.path './manifests/${stage.name}/order' is not a directory of the repository with a kustomization.yaml`,
    );
  });
});

describe('a render of one app', () => {
  it("on Flux, adds the app's Kustomization to the layer; on Argo CD, leaves the layer unrendered and untouched", async () => {
    await synth(workspace());
    const more = { ...apps, shipping: FixtureWebChart };
    for (const { name } of environments)
      await writeImage(root, name, 'shipping', `registry.test/${name}/shipping:1.0.0`);
    const result = await synth(fixtureWorkspace(root, more, environments), { apps: ['shipping'] });
    expect(result.platformEnvironments).toEqual([stage.name]);
    expect(result.files.some((f) => f.file.startsWith(`manifests/${live.name}/_platform/`))).toBe(
      false,
    );
    await readFile(
      join(
        root,
        `manifests/${stage.name}/_platform/sync/kustomization-${stage.name}-shipping.yaml`,
      ),
      'utf8',
    );
    expect(await checkFreshness(fixtureWorkspace(root, more, environments))).toEqual({
      added: [],
      changed: [],
      removed: [],
    });
  });
});

describe('the kustomization files', () => {
  it('list exactly what is rendered: kubectl kustomize of an environment yields every app object, Namespaces first', async () => {
    const result = await synth(workspace());
    for (const { name } of environments) {
      const built = kustomize(`manifests/${name}`);
      const rendered = objectsOf(
        [...result.files].filter((f) => !f.file.includes('/_platform/')),
        `manifests/${name}/`,
      );
      expect(kinds(built).sort()).toEqual(kinds(rendered).sort());
      const namespaces = built.findIndex((o) => o.kind !== 'Namespace');
      expect(built.slice(0, namespaces).every((o) => o.kind === 'Namespace')).toBe(true);
      expect(built.slice(namespaces).some((o) => o.kind === 'Namespace')).toBe(false);
    }
  });

  it('are covered by check-fresh and validate: a stale or hand-edited one is reported', async () => {
    await synth(workspace());
    const file = `manifests/${live.name}/orders/kustomization.yaml`;
    const text = await readFile(join(root, file), 'utf8');
    await writeFile(join(root, file), text.replace(/ {2}- deployment-orders.yaml\n/, ''));
    expect((await checkFreshness(workspace())).changed).toEqual([file]);
    expect(
      (await validateOnDisk(workspace())).problems.map((p) => `${p.file}: ${p.message}`),
    ).toEqual([`${file}: leaves out deployment-orders.yaml`]);
    await rm(join(root, file));
    expect((await checkFreshness(workspace())).added).toEqual([file]);
  });

  it('follow the apps an environment has, also when only one app is rendered', async () => {
    await synth(workspace());
    await writeImage(root, live.name, 'shipping', 'registry.test/x/shipping:1.0.0');
    const more = { ...apps, shipping: FixtureWebChart };
    await synth(fixtureWorkspace(root, more, environments), {
      environments: [live.name],
      apps: ['shipping'],
    });
    const index = await readFile(join(root, `manifests/${live.name}/kustomization.yaml`), 'utf8');
    expect(index).toContain(
      ['- billing', '- orders', '- shipping'].map((l) => `  ${l}\n`).join(''),
    );
    expect(await checkFreshness(fixtureWorkspace(root, more, environments))).toEqual({
      added: [],
      changed: [],
      removed: [],
    });
  });
});
