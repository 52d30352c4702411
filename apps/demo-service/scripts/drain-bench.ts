// Drain benchmark: 50 connections of load, SIGTERM in the middle; a stand-in for the
// endpoints controller polls /readyz and stops sending new traffic 1 s after it turns 503
// (as kube-proxy would). Prints the failed requests (target 0) and the time to exit.
//   npx nx run @platform/demo-service:bench-drain
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { buildService, freePort, projectRoot, runtimeEnvironment } from './bench-support.js';

const CONNECTIONS = 50;
const DRAIN_DELAY_MS = 3_000;
const PROPAGATION_MS = 1_000;
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
const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
while (
  !(await fetch(`http://127.0.0.1:${port}/readyz`).then(
    (r) => r.ok,
    () => false,
  ))
)
  await sleep(20);

let load: autocannon.Instance | undefined;
const finished = new Promise<autocannon.Result>((resolve, reject) => {
  load = autocannon(
    {
      url: `http://127.0.0.1:${port}/api/hello?name=drain`,
      connections: CONNECTIONS,
      duration: 60,
    },
    (error, result) => (error ? reject(error as Error) : resolve(result)),
  );
});
await sleep(SIGTERM_AFTER_MS);
const signalled = performance.now();
child.kill('SIGTERM');
let notReadyAfter = -1;
while (notReadyAfter < 0) {
  const status = await fetch(`http://127.0.0.1:${port}/readyz`).then(
    (r) => r.status,
    () => 0,
  );
  if (status === 503) notReadyAfter = performance.now() - signalled;
  else await sleep(100);
}
await sleep(PROPAGATION_MS);
load?.stop();
const result = await finished;
const code = await exited;
const exitAfter = performance.now() - signalled;
const failed = result.errors + result.timeouts + result.non2xx;
console.log(
  `drain: ${CONNECTIONS} connections, SIGTERM after ${SIGTERM_AFTER_MS} ms of load, drain delay ${DRAIN_DELAY_MS} ms, traffic stopped ${PROPAGATION_MS} ms after readiness turned 503\n` +
    `  requests ${result.requests.total}, failed ${failed} (errors ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx}) — target 0\n` +
    `  readiness 503 after ${notReadyAfter.toFixed(0)} ms; exit code ${String(code)} after ${exitAfter.toFixed(0)} ms`,
);
process.exitCode = failed === 0 && code === 0 ? 0 : 1;
