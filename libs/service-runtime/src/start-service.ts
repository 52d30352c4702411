import { createApp } from './create-app.js';
import { loadConfigOrExit } from './config.js';
import { Lifecycle } from './lifecycle.js';
import { createLogger, flushLogger } from './logger.js';
import { Metrics } from './metrics.js';
import { listen } from './server.js';
import type { ServiceDefinition } from './service-definition.js';
import { createShutdown } from './shutdown.js';

/**
 * Runs a service as its container's one process: reads and validates the configuration
 * (a bad variable stops it with exit code 1 and one line naming the variable), creates the
 * one logger, listens with the configured timeouts, and on SIGTERM or SIGINT drains and
 * exits. Only a service's `main.ts` calls it.
 */
export async function startService(
  definition: ServiceDefinition,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<void> {
  const config = loadConfigOrExit(env);

  const service = definition.name;
  const logger = createLogger({ ...config, service });
  const metrics = new Metrics({ service });
  const lifecycle = new Lifecycle();
  const info = {
    service,
    version: config.serviceVersion,
    gitSha: config.gitSha,
    environment: config.environment,
  };
  const app = createApp(definition, { info, logger, metrics, lifecycle });

  const exit = (code: number) => {
    void flushLogger(logger).finally(() => process.exit(code));
  };
  process.on('uncaughtException', (error) => {
    // Outside any request (Express 5 already routes request errors to the error handler).
    logger.fatal({ err: error }, 'uncaught exception');
    exit(1);
  });
  process.on('unhandledRejection', (reason) => {
    logger.fatal({ err: reason }, 'unhandled promise rejection');
    exit(1);
  });

  const server = await listen(app, config);
  logger.info({ port: config.port, gitSha: config.gitSha }, 'listening');
  const stopping = new AbortController();
  const work = definition
    .work?.({ info, logger, metrics, lifecycle, signal: stopping.signal })
    .catch((error: unknown) => {
      logger.fatal({ err: error }, 'background work failed');
      exit(1);
    });
  const shutdown = createShutdown({
    server,
    lifecycle,
    logger,
    drainDelayMs: config.drainDelayMs,
    graceMs: config.shutdownGraceMs,
    exit,
    ...(work
      ? {
          stopWork: () => {
            stopping.abort();
            return work;
          },
        }
      : {}),
  });
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}
