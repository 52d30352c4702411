// Benchmark: one bump (write, render one environment, commit, push to a local bare remote) and
// 20 concurrent bumps from 20 clones, each a separate CLI process as CI runners would be.
// Targets: one bump under 5 s; all 20 concurrent bumps land.
//   npx nx run @platform/release:bench
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { GitFixture, git } from '../src/testing/git-fixture.js';

const run = promisify(execFile);
const APPS = 20;
const cli = fileURLToPath(new URL('./bench-cli.ts', import.meta.url));
const tsx = fileURLToPath(new URL('../../../node_modules/.bin/tsx', import.meta.url));

async function bumpProcess(
  root: string,
  app: string,
  tag: string,
): Promise<{ ms: number; attempt: number }> {
  const started = performance.now();
  const { stdout } = await run(
    tsx,
    [
      cli,
      '--root',
      root,
      'bump',
      '--env',
      'staging',
      '--app',
      app,
      '--image-tag',
      tag,
      '--push',
      '--max-attempts',
      '100',
    ],
    {
      env: { ...process.env, BENCH_APPS: String(APPS) },
    },
  );
  return {
    ms: performance.now() - started,
    attempt: Number(/attempt (\d+)/.exec(stdout)?.[1] ?? 0),
  };
}

const fixture = await GitFixture.create(APPS);
try {
  const apps = fixture.open(fixture.directory).catalog.appNames();
  // One bump, three times: the process's wall clock, start-up included.
  const single = await fixture.clone('single');
  const singles: number[] = [];
  for (let i = 0; i < 3; i++)
    singles.push((await bumpProcess(single.root, apps[0] ?? '', `single-${i}`)).ms);
  console.log(
    `one bump (${APPS} apps in the environment): ${singles.map((ms) => (ms / 1000).toFixed(2)).join(' s, ')} s (target < 5 s)`,
  );

  const clones = await Promise.all(apps.map((app) => fixture.clone(`burst-${app}`)));
  const started = performance.now();
  const results = await Promise.all(
    clones.map((clone, index) => bumpProcess(clone.root, apps[index] ?? '', `burst-${index}`)),
  );
  const wall = (performance.now() - started) / 1000;
  const landed = apps.map((app, index) =>
    git(fixture.origin, 'show', `main:apps/${app}/deploy/images/staging.yaml`).includes(
      `:burst-${index}`,
    ),
  );
  const attempts = results.map((r) => r.attempt);
  console.log(
    `${APPS} concurrent bumps: ${landed.filter(Boolean).length}/${APPS} landed in ${wall.toFixed(1)} s wall; ` +
      `attempts per bump: min ${Math.min(...attempts)}, median ${[...attempts].sort((a, b) => a - b)[APPS >> 1]}, max ${Math.max(...attempts)}; ` +
      `slowest process ${(Math.max(...results.map((r) => r.ms)) / 1000).toFixed(1)} s`,
  );
  console.log(
    `origin/main: ${git(fixture.origin, 'rev-list', '--count', 'main')} commits, ${git(fixture.origin, 'rev-list', '--count', '--merges', 'main')} merges`,
  );
  process.exitCode = landed.every(Boolean) ? 0 : 1;
} finally {
  await fixture.remove();
}
