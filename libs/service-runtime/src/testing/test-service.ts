import { Writable } from 'node:stream';
import pino from 'pino';
import { createApp } from '../create-app.js';
import { Lifecycle } from '../lifecycle.js';
import { Metrics } from '../metrics.js';
import type { ServiceDefinition } from '../service-definition.js';

/**
 * A service's app wired as `startService` wires it, in-process (for supertest), with its log
 * lines captured as parsed JSON and a fixed `info`.
 */
export function testService(definition: ServiceDefinition) {
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
  const metrics = new Metrics({ service: definition.name });
  const lifecycle = new Lifecycle();
  const info = {
    service: definition.name,
    version: '1.2.3',
    gitSha: 'abc1234',
    environment: 'test',
  };
  const app = createApp(definition, { info, logger, metrics, lifecycle });
  return { app, lines, metrics, lifecycle, logger, info };
}
