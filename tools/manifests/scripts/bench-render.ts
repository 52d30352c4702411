// Benchmark: render and validate N synthetic apps × 3 environments (N = 10 and 100),
// each run in a fresh process so the wall clock includes Node start-up and module loading.
// Beside it, in the same run, a baseline process: plain cdk8s synthesis of a comparable chart
// (cdk8s-plus Deployment + Service + HPA, written by App.synth()) for the same N × 3, and the ratio.
//   npx nx run @platform/manifests:bench   (or: npx tsx tools/manifests/scripts/bench-render.ts)
import { Catalog, environments } from '@platform/environments';
import { parseImageReference } from '@platform/image-ref';
import { platformServiceContract } from '@platform/service-contracts';
import { ApiObject, App, Chart, YamlOutputType } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeEnvironments } from '../src/render/manifest-tree.js';
import { renderEnvironment } from '../src/render/render-environment.js';
import { validateManifests } from '../src/validate/validate-manifests.js';

const ENVIRONMENTS = 3;

async function child(n: number): Promise<void> {
  // performance.now() counts from process start: this is Node, tsx and module loading.
  const loaded = performance.now();

  const base = environments[0];
  if (!base) throw new Error('no environment to copy');
  const envs = Array.from({ length: ENVIRONMENTS }, (_, i) => ({ ...base, name: `env-${i}` }));
  const apps = Array.from({ length: n }, (_, i) => ({
    contract: { ...platformServiceContract, name: `app-${String(i).padStart(3, '0')}` },
    description: 'synthetic',
    source: `apps/app-${i}`,
  }));
  const catalog = new Catalog(envs, apps);
  const images = new Map(envs.flatMap((e) => apps.map((a) => [`${e.name}/${a.contract.name}`, parseImageReference(`ghcr.io/acme/${a.contract.name}:1.0.${n}`)] as const)));

  const t0 = performance.now();
  const files = envs.flatMap((environment) => renderEnvironment(catalog, environment, images));
  const t1 = performance.now();
  const problems = validateManifests(files);
  const t2 = performance.now();
  const root = await mkdtemp(join(tmpdir(), 'bench-render-'));
  await writeEnvironments(root, envs.map((e) => e.name), new Map(files.map((f) => [f.file, f.content])));
  const t3 = performance.now();
  await rm(root, { recursive: true, force: true });
  if (problems.length > 0) throw new Error(`${problems.length} validation problems`);

  console.log(JSON.stringify({
    n,
    objects: files.length,
    loadMs: loaded,
    renderMs: t1 - t0,
    validateMs: t2 - t1,
    writeMs: t3 - t2,
    pipelineMs: t3 - t0,
  }));
}

/** The baseline: a plain cdk8s app (cdk8s-plus defaults, Deployment + Service + HPA per chart) written with App.synth(). */
async function baseline(n: number): Promise<void> {
  const outdir = await mkdtemp(join(tmpdir(), 'bench-baseline-'));
  let objects = 0;
  for (let e = 0; e < ENVIRONMENTS; e++) {
    // One App per environment and chart, as the pipeline does: an App re-validates all its charts on every synth.
    for (let i = 0; i < n; i++) {
      const app = new App({ outdir: join(outdir, `env-${e}`, `app-${i}`), yamlOutputType: YamlOutputType.FILE_PER_RESOURCE });
      const chart = new Chart(app, `app-${i}`);
      const deployment = new kplus.Deployment(chart, 'deployment', { containers: [{ image: `ghcr.io/acme/app-${i}:1.0.0`, portNumber: 8080 }] });
      deployment.exposeViaService({ ports: [{ port: 80, targetPort: 8080 }] });
      new kplus.HorizontalPodAutoscaler(chart, 'hpa', { target: deployment, maxReplicas: 4 });
      app.synth();
      objects += chart.node.findAll().filter((c) => c instanceof ApiObject).length;
    }
  }
  await rm(outdir, { recursive: true, force: true });
  console.log(JSON.stringify({ objects }));
}

interface PipelineFigures {
  readonly objects: number;
  readonly loadMs: number;
  readonly renderMs: number;
  readonly validateMs: number;
  readonly writeMs: number;
  readonly pipelineMs: number;
}

function run<T>(mode: string, n: number): { wall: number; result: T } {
  const self = fileURLToPath(import.meta.url);
  const tsx = fileURLToPath(new URL('../../../node_modules/.bin/tsx', import.meta.url));
  const started = performance.now();
  const output = execFileSync(tsx, [self, mode, String(n)], { encoding: 'utf8' });
  const wall = (performance.now() - started) / 1000;
  return { wall, result: JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as T };
}

const seconds = (ms: number) => (ms / 1000).toFixed(2);

function parent(): void {
  const perApp: number[] = [];
  for (const n of [10, 100]) {
    const pipeline = run<PipelineFigures>('--child', n);
    const plain = run<{ objects: number }>('--baseline', n);
    const r = pipeline.result;
    perApp.push(r.pipelineMs / (n * ENVIRONMENTS));
    console.log(
      [
        `${n} apps × ${ENVIRONMENTS} envs:`.padEnd(19),
        `render+validate+write ${pipeline.wall.toFixed(2)} s wall`,
        `(load ${seconds(r.loadMs)}, render ${seconds(r.renderMs)}, validate ${seconds(r.validateMs)}, write ${seconds(r.writeMs)})`,
        `${r.objects} objects, ${Math.round(r.objects / pipeline.wall)} objects/s;`,
        `plain cdk8s synth ${plain.wall.toFixed(2)} s wall (${plain.result.objects} objects);`,
        `ratio ${(pipeline.wall / plain.wall).toFixed(2)}×`,
      ].join(' '),
    );
  }
  const [small = 0, large = 0] = perApp;
  console.log(
    `in-process cost per app × environment: ${small.toFixed(2)} ms (N=10), ${large.toFixed(2)} ms (N=100): ` +
      `${(large / small).toFixed(2)}× (≤ 1: linear or better)`,
  );
}

if (process.argv[2] === '--child') await child(Number(process.argv[3]));
else if (process.argv[2] === '--baseline') await baseline(Number(process.argv[3]));
else parent();
