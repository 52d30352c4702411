// Benchmark: the render of N apps × 3 environments (N = 10 and 100), each run a fresh process
// so the wall clock includes Node start-up and module loading, as `npm run synth` and the
// per-app Nx `render` target pay them. Three cases, side by side in one run:
// - full: every app's chart (real chart files, imported as the CLI imports them) rendered,
//   validated and written into an empty manifests/;
// - one app: after one app's change, re-rendering that app in every environment (what
//   `nx affected -t render` and `release bump` run), against the full render's result;
// - baseline: a plain cdk8s app synthesizing the same number of objects per app (cdk8s-plus
//   and k8s constructs, App.synth() writing one file per object), no validation.
//   npx nx run @platform/manifests:bench   (or: npx tsx tools/manifests/scripts/bench-render.ts)
import { Catalog, type Environment } from '@platform/environments';
import { testEnvironment } from '@platform/environments/testing';
import { ApiObject, App, Chart, YamlOutputType } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { synth } from '../src/pipeline.js';
import { importChart } from '../src/render/import-chart.js';
import type { Workspace } from '../src/workspace.js';

const ENVIRONMENTS: readonly Environment[] = ['bench-a', 'bench-b', 'bench-c'].map((name) =>
  testEnvironment(name),
);
const WORKSPACE_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const appName = (i: number) => `app-${String(i).padStart(3, '0')}`;

/** The chart the service generator writes, as a file of the app's own. */
const CHART = `import { AppChart, WebService, type AppChartProps } from '@platform/workloads';
import type { Construct } from 'constructs';

export default class BenchChart extends AppChart {
  constructor(scope: Construct, props: AppChartProps) {
    super(scope, props);
    new WebService(this, 'web', { name: this.app, image: this.image });
  }
}
`;

/** The charts the service generator writes for each kind: a mixed workspace rotates them. */
const KIND_CHARTS = [
  CHART,
  CHART.replaceAll('WebService', 'Worker').replace(`'web'`, `'worker'`),
  CHART.replaceAll('WebService', 'ScheduledJob').replace(
    'image: this.image }',
    `image: this.image, schedule: '0 3 * * *' }`,
  ),
  CHART.replaceAll('WebService', 'StatefulService').replace(
    'image: this.image }',
    'image: this.image, storage: { sizeGibibytes: 5 } }',
  ),
];

/** A workspace of n apps on disk (charts and image files), resolving packages from this one. */
async function createWorkspace(n: number, mixed = false): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'bench-render-'));
  await writeFile(join(root, 'nx.json'), '{}\n');
  await symlink(join(WORKSPACE_ROOT, 'node_modules'), join(root, 'node_modules'));
  for (let i = 0; i < n; i++) {
    const deploy = join(root, 'apps', appName(i), 'deploy');
    await mkdir(join(deploy, 'src'), { recursive: true });
    await mkdir(join(deploy, 'images'));
    await writeFile(
      join(deploy, 'src/chart.ts'),
      mixed ? (KIND_CHARTS[i % KIND_CHARTS.length] ?? CHART) : CHART,
    );
    // ESM, as the generated package.json declares: a chart loaded as CommonJS would get its
    // own copy of @platform/workloads, and so a different AppChart.
    await writeFile(
      join(deploy, 'package.json'),
      JSON.stringify({ name: `@platform/${appName(i)}-deploy`, private: true, type: 'module' }),
    );
    for (const environment of ENVIRONMENTS) {
      await writeFile(
        join(deploy, 'images', `${environment.name}.yaml`),
        `image: ghcr.io/acme/${appName(i)}:1.0.0\n`,
      );
    }
  }
  return root;
}

function openBenchWorkspace(root: string): Workspace {
  const catalog = Catalog.discover(root, ENVIRONMENTS);
  return { root, catalog, loadChart: (app) => importChart(root, catalog.app(app).chart) };
}

/** A fresh process: render (all apps, or one) and print its figures as JSON. */
async function child(root: string, only?: string): Promise<void> {
  const loaded = performance.now(); // since process start: Node, the bundle and module loading
  const result = await synth(openBenchWorkspace(root), only ? { apps: [only] } : {});
  console.log(
    JSON.stringify({
      objects: result.files.length,
      loadMs: loaded,
      pipelineMs: performance.now() - loaded,
    }),
  );
}

/** The baseline: plain cdk8s, nine objects per app and environment, one file per object. */
async function baseline(n: number): Promise<void> {
  const outdir = await mkdtemp(join(tmpdir(), 'bench-baseline-'));
  let objects = 0;
  for (const environment of ENVIRONMENTS) {
    // One App per chart, as the pipeline does: an App re-validates all its charts on every synth.
    for (let i = 0; i < n; i++) {
      const app = new App({
        outdir: join(outdir, environment.name, appName(i)),
        yamlOutputType: YamlOutputType.FILE_PER_RESOURCE,
      });
      const chart = new Chart(app, appName(i));
      new kplus.Namespace(chart, 'namespace');
      const serviceAccount = new kplus.ServiceAccount(chart, 'service-account');
      const deployment = new kplus.Deployment(chart, 'deployment', {
        serviceAccount,
        containers: [{ image: `ghcr.io/acme/${appName(i)}:1.0.0`, portNumber: 8080 }],
      });
      deployment.exposeViaService({ ports: [{ port: 80, targetPort: 8080 }] });
      new kplus.HorizontalPodAutoscaler(chart, 'hpa', { target: deployment, maxReplicas: 4 });
      new kplus.k8s.KubePodDisruptionBudget(chart, 'pdb', {
        spec: { maxUnavailable: kplus.k8s.IntOrString.fromNumber(1) },
      });
      for (const id of ['deny', 'ingress', 'egress']) new kplus.NetworkPolicy(chart, id);
      app.synth();
      objects += chart.node.findAll().filter((c) => c instanceof ApiObject).length;
    }
  }
  await rm(outdir, { recursive: true, force: true });
  console.log(JSON.stringify({ objects }));
}

interface Figures {
  readonly objects: number;
  readonly loadMs?: number;
  readonly pipelineMs?: number;
}

function run(...args: string[]): { wall: number; result: Figures } {
  const self = fileURLToPath(import.meta.url);
  // As `npm run synth` runs the renderer: bundled, by workspace-cli.
  const cli = join(WORKSPACE_ROOT, 'node_modules/.bin/workspace-cli');
  const started = performance.now();
  const output = execFileSync(cli, [self, ...args], { encoding: 'utf8' });
  const wall = (performance.now() - started) / 1000;
  return { wall, result: JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as Figures };
}

const s = (seconds: number) => `${seconds.toFixed(2)} s`;

async function parent(): Promise<void> {
  for (const n of [10, 100]) {
    const root = await createWorkspace(n);
    try {
      const full = run('--child', root);
      const plain = run('--baseline', String(n));
      // One app changes (a new image in one environment); only it is rendered again.
      const changed = appName(Math.floor(n / 2));
      await writeFile(
        join(root, 'apps', changed, 'deploy/images/bench-a.yaml'),
        `image: ghcr.io/acme/${changed}:1.0.1\n`,
      );
      const one = run('--child', root, changed);
      console.log(
        [
          `${n} apps × ${ENVIRONMENTS.length} envs:`.padEnd(19),
          `full render ${s(full.wall)} wall (load ${s((full.result.loadMs ?? 0) / 1000)},`,
          `pipeline ${s((full.result.pipelineMs ?? 0) / 1000)}) ${full.result.objects} objects;`,
          `plain cdk8s ${s(plain.wall)} (${plain.result.objects} objects): ratio ${(full.wall / plain.wall).toFixed(2)}×;`,
          `one app ${s(one.wall)} wall (pipeline ${s((one.result.pipelineMs ?? 0) / 1000)}, ${one.result.objects} objects):`,
          `${(one.wall / full.wall).toFixed(2)}× the full render wall,`,
          `${((one.result.pipelineMs ?? 0) / (full.result.pipelineMs ?? 1)).toFixed(3)}× its pipeline`,
        ].join(' '),
      );
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  }
  // The same render with the four kinds in turn (web, worker, scheduled job, stateful).
  const root = await createWorkspace(100, true);
  try {
    const mixed = run('--child', root);
    const pipeline = (mixed.result.pipelineMs ?? 0) / 1000;
    console.log(
      `100 apps × ${ENVIRONMENTS.length} envs, mixed kinds: full render ${s(mixed.wall)} wall (pipeline ${s(pipeline)}) ` +
        `${mixed.result.objects} objects, ${Math.round(mixed.result.objects / pipeline)} objects/s in the pipeline`,
    );
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child') await child(process.argv[3] ?? '', process.argv[4]);
else if (process.argv[2] === '--baseline') await baseline(Number(process.argv[3]));
else await parent();
