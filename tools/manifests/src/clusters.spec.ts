import { execFileSync } from 'node:child_process';
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Environment, EnvironmentCluster } from '@platform/environments';
import { testEnvironment, testEnvironments } from '@platform/environments/testing';
import { parse, parseAllDocuments } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PLATFORM_DIRECTORY } from '@platform/platform';
import { runCli } from './cli.js';
import { generatedHeader } from './render/serialize.js';
import { appRenderPaths } from './render/kustomization-files.js';
import { checkFreshness, synth, validateOnDisk } from './pipeline.js';
import { FixtureWebChart, fixtureWorkspace, writeImage } from './testing/fixture-workspace.js';
import {
  captureIo,
  createTempWorkspace,
  removeTempWorkspace,
  snapshotTree,
  writeClusterStack,
} from './testing/temp-workspace.js';
import type { KubeObject } from './validate/problem.js';

const hub: EnvironmentCluster = {
  name: 'mgmt',
  region: 'eu-west-1',
  stack: 'test-spokes-mgmt',
  role: 'hub',
};
/** Syncs the shared directories. */
const west: EnvironmentCluster = { name: 'west', region: 'eu-west-1', stack: 'test-spokes-west' };
/** A quieter region: its own log level and sizing. */
const east: EnvironmentCluster = {
  name: 'east',
  region: 'eu-central-1',
  stack: 'test-spokes-east',
  values: {
    logLevel: 'warn',
    workloads: {
      replicas: { min: 1, max: 3 },
      targetCpuUtilizationPercent: 80,
      resources: {
        cpuRequestMillis: 25,
        cpuLimitMillis: 100,
        memoryRequestMebibytes: 32,
        memoryLimitMebibytes: 64,
      },
    },
  },
};
/** A hub-and-spoke environment (Argo CD, the default engine), and the single-cluster ones. */
const spokes = testEnvironment('test-spokes', { clusters: [hub, west, east] });
const everyEnvironment = (spoke: Environment = spokes) => [...testEnvironments, spoke];
const apps = { orders: FixtureWebChart, billing: FixtureWebChart };

let root: string;
beforeEach(async () => {
  root = await createTempWorkspace();
  // Its clusters' stacks, not one named after the environment.
  for (const { stack } of [hub, west, east]) await writeClusterStack(root, stack);
  for (const { name } of everyEnvironment())
    for (const app of Object.keys(apps))
      await writeImage(root, name, app, `registry.test/${name}/${app}:1.0.0`);
});
afterEach(() => removeTempWorkspace(root));

const workspace = (spoke: Environment = spokes, more: typeof apps = apps) =>
  fixtureWorkspace(root, more, everyEnvironment(spoke));
const read = async (file: string) => readFile(join(root, file), 'utf8');
const objectOf = async (file: string) => parse(await read(file)) as KubeObject;
const files = async () => Object.keys(await snapshotTree(join(root, 'manifests'))).sort();
const mtime = async (file: string) => (await stat(join(root, file))).mtimeMs;
const envOf = (deployment: KubeObject) => {
  const spec = deployment['spec'] as {
    template: { spec: { containers: { env?: { name: string; value?: string }[] }[] } };
  };
  return Object.fromEntries(
    (spec.template.spec.containers[0]?.env ?? []).map((e) => [e.name, e.value]),
  );
};
const hpaSizes = (hpa: KubeObject) => {
  const spec = hpa['spec'] as { minReplicas: number; maxReplicas: number };
  return [spec.minReplicas, spec.maxReplicas];
};
const shared = 'manifests/test-spokes';
const own = 'manifests/test-spokes/_clusters/east';

describe('an environment with a cluster of its own values', () => {
  it("renders every app again for that cluster only, with its values; the shared directories keep the environment's", async () => {
    await synth(workspace());
    const tree = await files();
    // Only east has a directory of its own: a copy of every app directory, file for file, and
    // its list of the apps.
    const ofApps = (prefix: string) =>
      tree
        .filter((f) => f.startsWith(prefix) && /^(orders|billing)\//.test(f.slice(prefix.length)))
        .map((f) => f.slice(prefix.length));
    expect(
      tree.filter((f) => f.includes('/_clusters/') && !f.startsWith('test-spokes/_clusters/east/')),
    ).toEqual([]);
    expect(ofApps('test-spokes/_clusters/east/')).toEqual(ofApps('test-spokes/'));
    expect(ofApps('test-spokes/_clusters/east/')).toContain('orders/deployment-orders.yaml');
    expect(tree).toContain('test-spokes/_clusters/east/kustomization.yaml');
    // The hub's layer puts what every workload cluster gets in _platform/workloads/: written, and
    // validated below with the rest.
    expect(tree.some((f) => f.startsWith('test-spokes/_platform/workloads/'))).toBe(true);
    const ownDeployment = await objectOf(`${own}/orders/deployment-orders.yaml`);
    const sharedDeployment = await objectOf(`${shared}/orders/deployment-orders.yaml`);
    expect(envOf(ownDeployment)).toMatchObject({ LOG_LEVEL: 'warn', ENVIRONMENT: 'test-spokes' });
    expect(envOf(sharedDeployment)).toMatchObject({ LOG_LEVEL: 'info' });
    expect(hpaSizes(await objectOf(`${own}/orders/horizontalpodautoscaler-orders.yaml`))).toEqual([
      1, 3,
    ]);
    expect(
      hpaSizes(await objectOf(`${shared}/orders/horizontalpodautoscaler-orders.yaml`)),
    ).toEqual([2, 5]);
    // The same image: the environment's image file.
    const image = (d: KubeObject) =>
      (d['spec'] as { template: { spec: { containers: { image: string }[] } } }).template.spec
        .containers[0]?.image;
    expect(image(ownDeployment)).toBe('registry.test/test-spokes/orders:1.0.0');
    expect(image(sharedDeployment)).toBe(image(ownDeployment));
    // The cluster's list of its apps, like the environment's; the environment's leaves it out.
    expect(parse(await read(`${own}/kustomization.yaml`))).toMatchObject({
      resources: ['billing', 'orders'],
    });
    expect(parse(await read(`${shared}/kustomization.yaml`))).toMatchObject({
      resources: ['billing', 'orders'],
    });
    expect(await checkFreshness(workspace())).toEqual({ added: [], changed: [], removed: [] });
    expect((await validateOnDisk(workspace())).problems).toEqual([]);
  });

  it("kubectl kustomize of the cluster's directory builds its copy of every app", async () => {
    await synth(workspace());
    const output = execFileSync('kubectl', ['kustomize', join(root, own)], { encoding: 'utf8' });
    const built = parseAllDocuments(output).map((d) => d.toJS() as KubeObject);
    const deployments = built.filter((o) => o.kind === 'Deployment');
    expect(deployments.map((d) => d.metadata?.name).sort()).toEqual(['billing', 'orders']);
    expect(deployments.every((d) => envOf(d)['LOG_LEVEL'] === 'warn')).toBe(true);
  });

  it('writes nothing new for the single-cluster environments, nor for a list with no values', async () => {
    const withoutValues = { ...spokes, clusters: [hub, west, { ...east, values: {} }] };
    await synth(workspace(withoutValues));
    expect((await files()).some((f) => f.includes('_clusters'))).toBe(false);
  });

  it("prints a row per cluster of its own, with that cluster's replicas", async () => {
    const { io, out } = captureIo();
    expect(await runCli(['--root', root, 'render'], io, () => workspace())).toBe(0);
    expect(out.join('\n')).toMatch(/^test-spokes\s+orders\s+\S+\s+2-5$/m);
    expect(out.join('\n')).toMatch(/^test-spokes\/east\s+orders\s+\S+\s+1-3$/m);
  });
});

describe('a render of one app', () => {
  it("re-renders that app's directory in each cluster of its own, and touches no other app's", async () => {
    await synth(workspace());
    const other = `${own}/billing/deployment-billing.yaml`;
    const before = await mtime(other);
    const changed = {
      ...spokes,
      clusters: [hub, west, { ...east, values: { logLevel: 'error' as const } }],
    };
    const result = await synth(workspace(changed), {
      environments: [spokes.name],
      apps: ['orders'],
    });
    expect(result.written).toEqual([spokes.name]);
    expect(envOf(await objectOf(`${own}/orders/deployment-orders.yaml`))['LOG_LEVEL']).toBe(
      'error',
    );
    // billing's copy is now stale, and left for its own render.
    expect(envOf(await objectOf(other))['LOG_LEVEL']).toBe('warn');
    expect(await mtime(other)).toBe(before);
    const stale = (await checkFreshness(workspace(changed))).changed;
    expect(stale).toContain(other);
    expect(stale.every((f) => f.startsWith(`${own}/billing/`))).toBe(true);
  });

  it("adds a new app to the cluster's own list too", async () => {
    await synth(workspace());
    await writeImage(root, spokes.name, 'shipping', 'registry.test/test-spokes/shipping:1.0.0');
    const more = { ...apps, shipping: FixtureWebChart };
    await synth(workspace(spokes, more), { environments: [spokes.name], apps: ['shipping'] });
    expect(parse(await read(`${own}/kustomization.yaml`))).toMatchObject({
      resources: ['billing', 'orders', 'shipping'],
    });
    expect(await checkFreshness(workspace(spokes, more))).toEqual({
      added: [],
      changed: [],
      removed: [],
    });
  });

  it("names what a release of the app writes: its directories in the environment and the cluster's", () => {
    expect(appRenderPaths(spokes, 'orders')).toEqual([
      `${shared}/orders`,
      `${shared}/kustomization.yaml`,
      `${shared}/_platform`,
      `${own}/orders`,
      `${own}/kustomization.yaml`,
    ]);
    expect(appRenderPaths(testEnvironment('test-stage'), 'orders')).toEqual([
      'manifests/test-stage/orders',
      'manifests/test-stage/kustomization.yaml',
      'manifests/test-stage/_platform',
    ]);
  });
});

describe('a cluster that loses its values', () => {
  it('keeps its directory through a render of some apps, and loses it, and _clusters/, at the next full render', async () => {
    await synth(workspace());
    const plain = { ...spokes, clusters: [hub, west, { ...east, values: undefined }] };
    await synth(workspace(plain), { environments: [spokes.name], apps: ['orders'] });
    expect(await files()).toContain('test-spokes/_clusters/east/orders/deployment-orders.yaml');
    await synth(workspace(plain));
    expect((await files()).some((f) => f.includes('_clusters'))).toBe(false);
    await expect(stat(join(root, shared, '_clusters'))).rejects.toThrow(/ENOENT/);
    expect(await checkFreshness(workspace(plain))).toEqual({ added: [], changed: [], removed: [] });
  });

  it('a cluster that leaves the list loses its directory; the other keeps its own', async () => {
    const north = { ...east, name: 'north', stack: 'test-spokes-north' };
    const both = { ...spokes, clusters: [hub, west, east, north] };
    await synth(workspace(both));
    await synth(workspace());
    const clusters = (await files()).filter((f) => f.includes('_clusters/'));
    expect(clusters.some((f) => f.startsWith('test-spokes/_clusters/north/'))).toBe(false);
    expect(clusters).toContain('test-spokes/_clusters/east/kustomization.yaml');
  });
});

describe('validate', () => {
  const messages = async () =>
    (await validateOnDisk(workspace())).problems.map((p) => `${p.file}: ${p.message}`);

  it.each([
    ['x', "cluster 'x' is not listed in environment 'test-spokes'"],
    ['west', "cluster 'west' of environment 'test-spokes' has no values of its own"],
    ['mgmt', "cluster 'mgmt' is the hub of environment 'test-spokes'"],
  ])('refuses _clusters/%s/, naming the directory', async (cluster, message) => {
    await synth(workspace());
    const directory = `${shared}/_clusters/${cluster}`;
    await mkdir(join(root, directory, 'orders'), { recursive: true });
    const copy = await read(`${own}/orders/namespace-orders.yaml`);
    await writeFile(join(root, directory, 'orders/namespace-orders.yaml'), copy);
    const found = await messages();
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(`${directory}: ${message}`);
    expect(found[0]).toContain("in 'test-spokes': east");
    expect((await checkFreshness(workspace())).removed).toEqual([
      `${directory}/orders/namespace-orders.yaml`,
    ]);
  });

  it('refuses a _clusters/ directory in a single-cluster environment', async () => {
    await synth(workspace());
    const directory = 'manifests/test-stage/_clusters/east';
    await mkdir(join(root, directory), { recursive: true });
    await writeFile(
      join(root, directory, 'kustomization.yaml'),
      'kind: Kustomization\nresources: []\n',
    );
    expect(await messages()).toEqual([
      `${directory}: cluster 'east' is not listed in environment 'test-stage': _clusters/ holds only the own directories of clusters with values (none in 'test-stage')`,
    ]);
  });

  it("checks a cluster's own app directories like any app directory: the workspace's rules, kustomizations", async () => {
    await synth(workspace());
    const role = `${own}/orders/clusterrole-orders.yaml`;
    const header = (await read(`${own}/orders/namespace-orders.yaml`)).split('apiVersion:')[0];
    await writeFile(
      join(root, role),
      `${header}apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: orders\nrules: []\n`,
    );
    const deployment = `${own}/orders/deployment-orders.yaml`;
    await writeFile(
      join(root, deployment),
      (await read(deployment))
        .replace('readOnlyRootFilesystem: true', 'readOnlyRootFilesystem: false')
        .replace('allowPrivilegeEscalation: false', 'allowPrivilegeEscalation: true'),
    );
    const found = await messages();
    expect(found).toContain(`${role}: is cluster-wide RBAC in the 'orders' app directory`);
    expect(found).toContain(`${own}/orders/kustomization.yaml: leaves out clusterrole-orders.yaml`);
    expect(found).toContain(`${deployment}: container 'orders' has a writable root filesystem`);
    expect(found).toContain(
      `${deployment}: containers 'orders' does not set allowPrivilegeEscalation: false`,
    );
    // The shared copy of the same app is untouched, and reported for nothing.
    expect(found.some((m) => m.startsWith(`${shared}/orders/`))).toBe(false);
  });

  it("checks a cluster's references against its own objects, not the shared copies", async () => {
    await synth(workspace());
    // Without its Deployment, the cluster's Service and autoscaler point at nothing, though the
    // shared directory has the same Deployment in the same namespace.
    await rm(join(root, `${own}/orders/deployment-orders.yaml`));
    const found = await messages();
    expect(found).toContain(
      `${own}/orders/service-orders.yaml: spec.selector selects no pods in its namespace`,
    );
    expect(found).toContain(
      `${own}/orders/horizontalpodautoscaler-orders.yaml: scaleTargetRef Deployment/orders does not exist in its namespace`,
    );
    expect(found.some((m) => m.startsWith(`${shared}/orders/`))).toBe(false);
  });

  it('validates the workload platform directory, _platform/workloads/, like aws/ and local/', async () => {
    await synth(workspace());
    const directory = `${shared}/_platform/workloads`;
    await mkdir(join(root, directory), { recursive: true });
    const header = generatedHeader(PLATFORM_DIRECTORY);
    // The platform's own: cluster-wide RBAC is allowed there, not in an app directory.
    await writeFile(
      join(root, directory, 'clusterrole-spec-only.yaml'),
      `${header}\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: spec-only\nrules: []\n`,
    );
    await writeFile(
      join(root, directory, 'namespace-spec-only.yaml'),
      `${header}\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: spec-only\n  labels:\n    colour: blue\n`,
    );
    await writeFile(
      join(root, directory, 'service-spec-only.yaml'),
      `${header}\napiVersion: v1\nkind: Service\nmetadata:\n  name: spec-only\n  namespace: spec-only\nspec:\n  portz: []\n`,
    );
    const found = await messages();
    expect(found).toContain(
      `${directory}/namespace-spec-only.yaml: namespace does not enforce Pod Security "restricted"`,
    );
    expect(found.some((m) => m.startsWith(`${directory}/service-spec-only.yaml:`))).toBe(true);
    expect(found.some((m) => m.startsWith(`${directory}/clusterrole-spec-only.yaml:`))).toBe(false);
    // No chart renders these: the next full render prunes them.
    expect((await checkFreshness(workspace())).removed).toContain(
      `${directory}/namespace-spec-only.yaml`,
    );
  });

  it("targets the oldest Kubernetes version of the environment's cluster stacks, and names a missing one", async () => {
    await synth(workspace());
    expect(await messages()).toEqual([]);
    await rm(join(root, 'infra/cluster/Pulumi.test-spokes-west.yaml'));
    expect(await messages()).toEqual([
      expect.stringMatching(
        /^infra\/cluster\/Pulumi\.test-spokes-west\.yaml: does not exist, but environment 'test-spokes' renders/,
      ),
    ]);
  });
});
