import { freePort, runMain, waitForHttp } from '@platform/service-runtime/testing';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));

describe('main', () => {
  it('serves the demo as itself, then on SIGTERM drains and exits 0', async () => {
    const port = await freePort();
    const run = runMain(MAIN, { PORT: String(port), SHUTDOWN_DRAIN_DELAY_MS: '100' });
    const response = await waitForHttp(`http://127.0.0.1:${port}/readyz`);
    expect(response.status).toBe(200);
    expect(
      ((await (await fetch(`http://127.0.0.1:${port}/`)).json()) as { service: string }).service,
    ).toBe('demo-service');
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
  }, 30_000);
});
