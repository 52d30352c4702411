// Rehearses a service's Dockerfile without a container engine, then starts the result:
//   npx tsx tools/ci/src/image-rehearsal-main.ts apps/demo-service/Dockerfile --probe /readyz
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Command } from 'commander';
import { rehearseImage } from './image-rehearsal.js';

/** Packages that must never reach a runtime image: build and test tooling. */
const DEV_ONLY = [
  'nx',
  'typescript',
  'vitest',
  'vite',
  'eslint',
  'esbuild',
  'tsx',
  'cdk8s',
  'cdk8s-plus-27',
  'supertest',
  '@nx',
];

const program = new Command('image-rehearsal')
  .argument('<dockerfile>', 'path of the Dockerfile, relative to the workspace root')
  .option('--probe <path>', 'HTTP path that must answer 200 once the service is up', '/healthz')
  .option('--run-to-completion', 'a job: it must exit 0 by itself (no port to probe)')
  .parse();
const [dockerfile = ''] = program.args;
const { probe, runToCompletion = false } = program.opts<{
  probe: string;
  runToCompletion?: boolean;
}>();
const root = process.cwd();

const started = performance.now();
const image = await rehearseImage(root, dockerfile);
const built = performance.now();
const workdir = join(image.rootfs, image.workdir);
const modules = join(workdir, 'node_modules');
const packages = existsSync(modules)
  ? readdirSync(modules).flatMap((name) =>
      name.startsWith('@')
        ? readdirSync(join(modules, name)).map((scoped) => `${name}/${scoped}`)
        : [name],
    )
  : [];
const leaked = packages.filter((name) =>
  DEV_ONLY.some((dev) => name === dev || name.startsWith(`${dev}/`)),
);
if (leaked.length > 0)
  throw new Error(`development packages in the runtime image: ${leaked.join(', ')}`);

const port = await new Promise<number>((resolve) => {
  const server = createServer().listen(0, () => {
    const address = server.address();
    server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
  });
});
const [entry = '', ...rest] = image.cmd;
const child = spawn(process.execPath, [entry, ...rest], {
  cwd: workdir,
  env: {
    ...image.env,
    PORT: String(port),
    SHUTDOWN_DRAIN_DELAY_MS: '0',
    PATH: process.env['PATH'] ?? '',
  },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
const deadline = Date.now() + 15_000;
let status = 0;
while (!runToCompletion && Date.now() < deadline) {
  status = await fetch(`http://127.0.0.1:${port}${probe}`).then(
    (r) => r.status,
    () => 0,
  );
  if (status === 200) break;
  await new Promise((resolve) => setTimeout(resolve, 50));
}
const firstAnswer = performance.now();
const timeout = setTimeout(() => child.kill('SIGKILL'), 15_000);
if (!runToCompletion) child.kill('SIGTERM');
const code = await exited;
clearTimeout(timeout);
if (runToCompletion) status = code === 0 ? 200 : 0;
console.log(
  [
    `image-rehearsal ${dockerfile}: context ${image.contextFileCount} files; built in ${((built - started) / 1000).toFixed(1)} s;`,
    `runtime node_modules: ${packages.length} packages, no development tooling;`,
    `image files: ${listFiles(image.rootfs).length} (${(listFiles(image.rootfs).reduce((sum, f) => sum + statSync(f).size, 0) / 1e6).toFixed(1)} MB);`,
    `USER ${image.user ?? '(root!)'}; CMD ${JSON.stringify(image.cmd)};`,
    runToCompletion
      ? `ran to completion in ${Math.round(performance.now() - built)} ms; exit code ${String(code)}`
      : `${probe} answered ${status} after ${Math.round(firstAnswer - built)} ms; exit code on SIGTERM ${String(code)}`,
  ].join('\n  '),
);
if (
  status !== 200 ||
  code !== 0 ||
  !image.user ||
  image.user.startsWith('0') ||
  image.user === 'root'
)
  process.exitCode = 1;

function listFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(join(directory, entry.name)) : [join(directory, entry.name)],
  );
}
