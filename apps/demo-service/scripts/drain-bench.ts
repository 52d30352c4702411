// Drain benchmark: 50 clients loading the service, SIGTERM in the middle, then the failed
// requests (target 0) and the time to exit. The clients behave like traffic through
// kube-proxy: they use keep-alive connections and honour `Connection: close`; from 1 s after
// readiness turns 503 (the endpoints update) no *new* connection reaches the pod, while the
// ones already open may keep sending until the server closes them. Every error and every
// non-2xx answer counts as a failed request.
//   npx nx run @platform/demo-service:bench-drain
import { spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { buildService, freePort, projectRoot, runtimeEnvironment } from './bench-support.js';

const CLIENTS = 50;
const DRAIN_DELAY_MS = 3_000;
const ENDPOINTS_UPDATE_MS = 1_000;
const SIGTERM_AFTER_MS = 3_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const port = await freePort();
buildService();
const child = spawn(process.execPath, ['dist/main.js'], {
  cwd: projectRoot,
  env: {
    ...process.env,
    ...runtimeEnvironment(join(projectRoot, 'Dockerfile')),
    PORT: String(port),
    LOG_LEVEL: 'warn',
    SHUTDOWN_DRAIN_DELAY_MS: String(DRAIN_DELAY_MS),
  },
  stdio: ['ignore', 'ignore', 'inherit'],
});
let exitedAt = 0;
const exited = new Promise<number | null>((resolve) =>
  child.once('exit', (code) => {
    exitedAt = performance.now();
    resolve(code);
  }),
);

const counts = { answered: 0, afterSigterm: 0, failed: 0, errors: new Map<string, number>() };
let sigtermAt = 0;
let endpointsUpdated = false;

/** One GET on the agent's connection; resolves with the status and whether the server closes it. */
function get(agent: Agent): Promise<{ status: number; closes: boolean }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path: '/api/hello?name=drain', agent },
      (res) => {
        res.resume();
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, closes: res.headers.connection === 'close' }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

async function client(): Promise<void> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  let connected = false; // whether the agent holds an open connection to the pod
  for (;;) {
    // After the endpoints update, only a connection that is already open may still reach the pod.
    if (endpointsUpdated && !connected) break;
    try {
      const { status, closes } = await get(agent);
      counts.answered++;
      if (sigtermAt > 0) counts.afterSigterm++;
      if (status !== 200) counts.failed++;
      connected = !closes;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      counts.failed++;
      counts.errors.set(code, (counts.errors.get(code) ?? 0) + 1);
      connected = false;
    }
  }
  agent.destroy();
}

while (
  !(await fetch(`http://127.0.0.1:${port}/readyz`).then(
    (r) => r.ok,
    () => false,
  ))
)
  await sleep(20);
const clients = Array.from({ length: CLIENTS }, () => client());
await sleep(SIGTERM_AFTER_MS);
sigtermAt = performance.now();
child.kill('SIGTERM');
while (
  (await fetch(`http://127.0.0.1:${port}/readyz`).then(
    (r) => r.status,
    () => 0,
  )) !== 503
)
  await sleep(50);
const notReadyAfter = performance.now() - sigtermAt;
await sleep(ENDPOINTS_UPDATE_MS);
endpointsUpdated = true;
await Promise.all(clients);
const code = await exited;

console.log(
  `drain: ${CLIENTS} keep-alive clients, SIGTERM after ${SIGTERM_AFTER_MS} ms, drain delay ${DRAIN_DELAY_MS} ms, ` +
    `endpoints updated ${ENDPOINTS_UPDATE_MS} ms after readiness turned 503 (${notReadyAfter.toFixed(0)} ms after SIGTERM)\n` +
    `  ${counts.answered} requests answered (${counts.afterSigterm} after SIGTERM); failed ${counts.failed} (target 0)` +
    `${counts.errors.size > 0 ? ` ${JSON.stringify(Object.fromEntries(counts.errors))}` : ''}\n` +
    `  exit code ${String(code)} after ${(exitedAt - sigtermAt).toFixed(0)} ms`,
);
process.exitCode = counts.failed === 0 && code === 0 ? 0 : 1;
