import express from 'express';
import type { AddressInfo } from 'node:net';
import { Agent, request as httpRequest } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { listen } from './server.js';
import { createShutdown } from './shutdown.js';
import { fixtureService } from './testing/fixture-service.js';
import { testService } from './testing/test-service.js';

interface Reply {
  readonly status: number;
  readonly body: string;
}

function get(port: number, path: string, agent?: Agent): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, agent }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

/** A real server on port 0 wired like main.ts, plus /slow and /hang routes to hold requests in flight. */
async function start(drainDelayMs: number, graceMs: number) {
  const { app, lifecycle, logger } = testService(fixtureService);
  const outer = express();
  outer.get('/slow', (_req, res) => void setTimeout(() => res.json({ done: true }), 1_000));
  outer.get('/hang', () => undefined);
  outer.use(app);
  const server = await listen(outer, {
    port: 0,
    keepAliveTimeoutMs: 65_000,
    headersTimeoutMs: 10_000,
    requestTimeoutMs: 30_000,
  });
  cleanup = () => server.closeAllConnections();
  const port = (server.address() as AddressInfo).port;
  const exits: number[] = [];
  let resolveExit: (code: number) => void = () => undefined;
  const exited = new Promise<number>((resolve) => (resolveExit = resolve));
  const shutdown = createShutdown({
    server,
    lifecycle,
    logger,
    drainDelayMs,
    graceMs,
    exit: (code) => {
      exits.push(code);
      resolveExit(code);
    },
  });
  return { port, shutdown, exited, exits, server };
}

describe('graceful shutdown', () => {
  it('flips readiness at once, keeps serving through the drain, finishes in-flight work and exits 0', async () => {
    const { port, shutdown, exited, exits } = await start(600, 5_000);
    const keepAlive = new Agent({ keepAlive: true });
    expect((await get(port, '/readyz', keepAlive)).status).toBe(200);

    const inFlight = get(port, '/slow');
    await sleep(50);
    const began = Date.now();
    shutdown('SIGTERM');

    expect(await get(port, '/readyz')).toEqual({ status: 503, body: '{"status":"shutting-down"}' });
    expect((await get(port, '/')).status).toBe(200); // still serving during the drain delay
    expect(exits).toEqual([]);

    await sleep(700); // past the drain delay: new connections are refused
    await expect(get(port, '/')).rejects.toThrow(/ECONNREFUSED/);
    expect(await inFlight).toEqual({ status: 200, body: '{"done":true}' });
    expect(await exited).toBe(0);
    expect(Date.now() - began).toBeGreaterThanOrEqual(600);
    keepAlive.destroy();
  });

  it('does not wait for idle keep-alive connections', async () => {
    const { port, shutdown, exited } = await start(0, 5_000);
    const keepAlive = new Agent({ keepAlive: true });
    await get(port, '/', keepAlive); // leaves an idle keep-alive socket open
    const began = Date.now();
    shutdown('SIGTERM');
    expect(await exited).toBe(0);
    expect(Date.now() - began).toBeLessThan(1_000);
    keepAlive.destroy();
  });

  it('exits 1 when a request hangs past the grace period', async () => {
    const { port, shutdown, exited } = await start(0, 300);
    get(port, '/hang').catch(() => undefined);
    await sleep(50);
    shutdown('SIGTERM');
    expect(await exited).toBe(1);
  });

  it('ignores a second signal', async () => {
    const { shutdown, exited, exits } = await start(0, 1_000);
    shutdown('SIGTERM');
    shutdown('SIGINT');
    expect(await exited).toBe(0);
    await sleep(50);
    expect(exits).toEqual([0]);
  });
});
