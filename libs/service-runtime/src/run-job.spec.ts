import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { logMessages, runMain } from './testing/run-main.js';

const MAIN = fileURLToPath(new URL('./testing/fixture-job-main.ts', import.meta.url));

describe('runJob', () => {
  it('runs to completion and exits 0, logging JSON lines', async () => {
    const run = runMain(MAIN, { ENVIRONMENT: 'test' });
    expect(await run.exited).toBe(0);
    expect(logMessages(run.out())).toEqual(['job: started', 'report written', 'job: done']);
  }, 20_000);

  it('exits 1 when the run fails, so Kubernetes retries it', async () => {
    const run = runMain(MAIN, { FIXTURE_JOB: 'fail' });
    expect(await run.exited).toBe(1);
    expect(logMessages(run.out())).toContain('job: failed');
  }, 20_000);

  it('stops on a bad variable with exit code 1 and one line naming it', async () => {
    const run = runMain(MAIN, { LOG_LEVEL: 'loud' });
    expect(await run.exited).toBe(1);
    expect(run.err()).toContain('LOG_LEVEL');
  }, 20_000);
});
