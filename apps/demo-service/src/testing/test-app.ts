import { Writable } from 'node:stream';
import pino from 'pino';
import { createApp } from '../app.js';
import { Lifecycle } from '../lifecycle.js';
import { Metrics } from '../metrics.js';

/** An app wired like main.ts does, with its log lines captured as parsed JSON. */
export function testApp() {
  const lines: Record<string, any>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  const logger = pino(
    { level: 'debug', formatters: { level: (label) => ({ level: label }) } },
    sink,
  );
  const metrics = new Metrics({ service: 'demo-service' });
  const lifecycle = new Lifecycle();
  const info = {
    service: 'demo-service',
    version: '1.2.3',
    gitSha: 'abc1234',
    environment: 'test',
  };
  const app = createApp({ info, logger, metrics, lifecycle });
  return { app, lines, metrics, lifecycle, logger };
}
