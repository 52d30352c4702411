import pino, { type DestinationStream, type Logger } from 'pino';
import type { Config } from './config.js';

/**
 * Lines are buffered up to 4 KiB and written asynchronously, and the buffer is
 * flushed at least every 250 ms: one write per line (a thread-pool round trip
 * each) was the largest cost per request under load, while a quiet service
 * still shows each line within a quarter of a second.
 */
export const LOG_BUFFER_BYTES = 4096;
export const LOG_FLUSH_INTERVAL_MS = 250;

/**
 * The service's one logger: JSON lines on stdout, buffered as above.
 * `flushLogger` runs before exit so nothing buffered is lost.
 */
export function createLogger(
  config: Pick<Config, 'logLevel' | 'serviceVersion' | 'environment'> & { service: string },
  destination: DestinationStream = pino.destination({
    dest: 1,
    sync: false,
    minLength: LOG_BUFFER_BYTES,
    periodicFlush: LOG_FLUSH_INTERVAL_MS,
  }),
): Logger {
  return pino(
    {
      level: config.logLevel,
      base: {
        service: config.service,
        version: config.serviceVersion,
        environment: config.environment,
      },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      // Headers are never logged. If someone logs them anyway, credentials are dropped; a
      // serializer only runs when its key is present, unlike `redact`, which costs every line.
      serializers: { headers: withoutCredentials },
    },
    destination,
  );
}

const CREDENTIAL_HEADERS = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
]);

function withoutCredentials(headers: unknown): unknown {
  if (!headers || typeof headers !== 'object') return headers;
  return Object.fromEntries(
    Object.entries(headers).filter(([name]) => !CREDENTIAL_HEADERS.has(name.toLowerCase())),
  );
}

/** Writes out whatever the async destination still holds. */
export function flushLogger(logger: Logger): Promise<void> {
  return new Promise((resolve) => logger.flush(() => resolve()));
}
