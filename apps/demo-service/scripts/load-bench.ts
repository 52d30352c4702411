// Load benchmark: builds the service, starts it and a bare Express 5 hello-world side by side,
// loads each with autocannon on loopback, and prints req/s, p50/p99 latency, RSS and the ratios.
//   npx nx run @platform/demo-service:bench-load     (options: --duration 10 --connections 50 --rounds 2)
import autocannon from 'autocannon';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildService, freePort, projectRoot, runtimeEnvironment } from './bench-support.js';

const { values } = parseArgs({
  // 10 connections is autocannon's own default.
  options: {
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
    rounds: { type: 'string', default: '3' },
  },
});

// On a small machine the load generator and the server fight for the same cores, and the
// figures swing by 20 % between runs. Pin them apart: this process (autocannon) on CPU 0,
// each server on CPU 1.
const canPin =
  availableParallelism() >= 2 && spawnSync('taskset', ['-c', '0', 'true']).status === 0;
if (canPin && process.env['LOAD_BENCH_PINNED'] !== '1') {
  const rerun = spawnSync(
    'taskset',
    ['-c', '0', process.execPath, ...process.execArgv, ...process.argv.slice(1)],
    {
      stdio: 'inherit',
      env: { ...process.env, LOAD_BENCH_PINNED: '1' },
    },
  );
  process.exit(rerun.status ?? 1);
}
const duration = Number(values.duration);
const connections = Number(values.connections);
const rounds = Number(values.rounds);

/** The bare baseline: Express 5, one route answering the same JSON, nothing else. */
const BARE = `
import express from 'express';
const app = express();
app.get('/api/hello', (req, res) => { res.json({ message: 'Hello, ' + req.query.name + '!' }); });
app.listen(Number(process.env.PORT));
`;

interface Target {
  readonly name: string;
  readonly args: readonly string[];
  readonly env: Readonly<Record<string, string>>;
}

interface Result {
  readonly requestsPerSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly rssMb: number;
  readonly startupMs: number;
  readonly errors: number;
  /** Server CPU time (user + system) per request: what throughput measures when the client is not the bottleneck. */
  readonly cpuMicrosPerRequest: number;
}

/** utime + stime of a process, in microseconds (clock ticks are 100 Hz on Linux). */
function cpuMicros(child: ChildProcess): number {
  const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10_000;
}

/** The server's pid: taskset execs node in place, so it is the child's own. */
function rssMb(child: ChildProcess): number {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}

/** Starts the target and returns once it has answered its first request, with the time that took. */
async function start(
  target: Target,
  port: number,
): Promise<{ child: ChildProcess; startupMs: number }> {
  const began = performance.now();
  const [command, ...args] = canPin
    ? ['taskset', '-c', '1', process.execPath, ...target.args]
    : [process.execPath, ...target.args];
  const child = spawn(command ?? process.execPath, args, {
    cwd: projectRoot,
    env: { ...process.env, ...target.env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (;;) {
    const ok = await fetch(`http://127.0.0.1:${port}/api/hello?name=start`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { child, startupMs: performance.now() - began };
    if (performance.now() - began > 15_000) throw new Error(`${target.name} did not start`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

async function measure(target: Target): Promise<Result> {
  const port = await freePort();
  const { child, startupMs } = await start(target, port);
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssMb(child))), 250);
  const url = `http://127.0.0.1:${port}/api/hello?name=bench`;
  await autocannon({ url, connections, duration: 2 }); // warm-up: JIT and connection pools
  const cpuBefore = cpuMicros(child);
  const result = await autocannon({ url, connections, duration });
  const cpuUsed = cpuMicros(child) - cpuBefore;
  clearInterval(sampler);
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    rssMb: peakRss,
    startupMs,
    errors: result.errors + result.non2xx + result.timeouts,
    cpuMicrosPerRequest: cpuUsed / Math.max(result.requests.total, 1),
  };
}

const best = (results: Result[]): Result =>
  results.reduce((a, b) => (b.requestsPerSecond > a.requestsPerSecond ? b : a));
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

buildService();
const barePath = join(tmpdir(), `bare-express-${process.pid}.mjs`);
writeFileSync(barePath, BARE.replace("from 'express'", `from '${import.meta.resolve('express')}'`));
const bare: Target = { name: 'bare Express 5', args: [barePath], env: {} };
// The service runs with its image's environment (heap flags included) and production log level.
const imageEnv = runtimeEnvironment(join(projectRoot, 'Dockerfile'));
const service: Target = {
  name: 'demo-service',
  args: ['dist/main.js'],
  env: { ...imageEnv, LOG_LEVEL: 'info', ENVIRONMENT: 'bench' },
};

const runs = { bare: [] as Result[], service: [] as Result[] };
for (let round = 0; round < rounds; round++) {
  // Interleaved, so drift in the machine's load hits both alike.
  runs.bare.push(await measure(bare));
  runs.service.push(await measure(service));
}
const b = best(runs.bare);
const s = best(runs.service);
const startupBare = median(runs.bare.map((r) => r.startupMs));
const startupService = median(runs.service.map((r) => r.startupMs));
const row = (name: string, r: Result, startup: number) =>
  `${name.padEnd(16)} ${r.requestsPerSecond.toFixed(0).padStart(7)} req/s   p50 ${r.p50.toFixed(1).padStart(5)} ms   p99 ${r.p99.toFixed(1).padStart(5)} ms   peak RSS ${r.rssMb.toFixed(1).padStart(5)} MB   first answer ${startup.toFixed(0).padStart(4)} ms   CPU ${r.cpuMicrosPerRequest.toFixed(0).padStart(4)} µs/req   errors ${r.errors}`;
console.log(
  `autocannon: ${connections} connections, ${duration} s per run, best of ${rounds} interleaved rounds (GET /api/hello)` +
    (canPin ? '; autocannon on CPU 0, servers on CPU 1' : ''),
);
console.log(`service environment from its Dockerfile: ${JSON.stringify(imageEnv)}`);
console.log(row('bare Express 5', b, startupBare));
console.log(row('demo-service', s, startupService));
console.log(
  `ratios (service / bare): throughput ${(s.requestsPerSecond / b.requestsPerSecond).toFixed(2)}× (target ≥ 0.80), ` +
    `p99 ${(s.p99 / Math.max(b.p99, 0.001)).toFixed(2)}× (target ≤ 1.25), first answer ${(startupService / startupBare).toFixed(2)}× (target ≤ 1.5), ` +
    `RSS ${s.rssMb.toFixed(0)} MB (target ≤ 80), CPU per request ${(s.cpuMicrosPerRequest / b.cpuMicrosPerRequest).toFixed(2)}×`,
);
