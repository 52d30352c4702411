import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { freePort } from './testing/free-port.js';
import { logMessages, runMain, waitForHttp } from './testing/run-main.js';

const MAIN = fileURLToPath(new URL('./testing/fixture-main.ts', import.meta.url));
const WORKER = fileURLToPath(new URL('./testing/fixture-worker-main.ts', import.meta.url));

describe('startService', () => {
  it('stops on a bad variable with exit code 1 and one line naming it', async () => {
    const run = runMain(MAIN, { PORT: 'eighty' });
    expect(await run.exited).toBe(1);
    expect(run.err().trim()).toBe(
      "invalid configuration: PORT: expected an integer from 1 to 65535, got 'eighty'",
    );
  }, 20_000);

  it('serves, then on SIGTERM drains and exits 0, logging JSON lines', async () => {
    const port = await freePort();
    const run = runMain(MAIN, {
      PORT: String(port),
      SHUTDOWN_DRAIN_DELAY_MS: '100',
      GIT_SHA: 'abc1234',
      ENVIRONMENT: 'test',
      LOG_LEVEL: 'info',
    });
    const response = await waitForHttp(`http://127.0.0.1:${port}/`);
    expect(await response.json()).toEqual({
      service: 'fixture-service',
      version: '0.0.0-dev',
      gitSha: 'abc1234',
      environment: 'test',
    });
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    const lines = run
      .out()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((l) => l['msg'])).toEqual(
      expect.arrayContaining([
        'listening',
        'request',
        'shutdown: readiness now 503, draining',
        'shutdown: complete',
      ]),
    );
    expect(
      lines.every((l) => l['service'] === 'fixture-service' && typeof l['time'] === 'string'),
    ).toBe(true);
  }, 30_000);

  it('runs background work beside the server, and on SIGTERM waits for it to stop, then exits 0', async () => {
    const port = await freePort();
    const run = runMain(WORKER, { PORT: String(port), SHUTDOWN_DRAIN_DELAY_MS: '100' });
    expect((await waitForHttp(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    const logged = logMessages(run.out());
    expect(logged.indexOf('work: stopped')).toBeGreaterThan(-1);
    expect(logged.indexOf('work: stopped')).toBeLessThan(logged.indexOf('shutdown: complete'));
  }, 30_000);

  it('exits 1 when the background work fails', async () => {
    const port = await freePort();
    const run = runMain(WORKER, { PORT: String(port), FIXTURE_WORK: 'fail' });
    expect(await run.exited).toBe(1);
    expect(logMessages(run.out())).toContain('background work failed');
  }, 30_000);
});
