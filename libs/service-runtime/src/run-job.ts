import type { Logger } from 'pino';
import { loadConfigOrExit } from './config.js';
import { createLogger, flushLogger } from './logger.js';
import type { ServiceInfo } from './service-definition.js';

/** What a job's run gets: who it is, the one logger, and the signal that says stop. */
export interface JobContext {
  readonly info: ServiceInfo;
  readonly logger: Logger;
  /** Aborts on SIGTERM (the job's deadline, a node drain): stop, leave things consistent, return. */
  readonly signal: AbortSignal;
}

/** A run-to-completion process (a CronJob's or a migration's): its name and what it does. */
export interface JobDefinition {
  /** The app's name: in every log line. */
  readonly name: string;
  readonly run: (context: JobContext) => Promise<void>;
}

/**
 * Runs a job as its container's one process: the same validated configuration and JSON logs
 * as a service, then `run`; exit 0 when it resolves, 1 when it rejects (Kubernetes then
 * retries it, up to the job's backoffLimit) or when a bad variable stops it first.
 */
export async function runJob(
  definition: JobDefinition,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<void> {
  const config = loadConfigOrExit(env);
  const logger = createLogger({ ...config, service: definition.name });
  const info = {
    service: definition.name,
    version: config.serviceVersion,
    gitSha: config.gitSha,
    environment: config.environment,
  };
  const stopping = new AbortController();
  const stop = (signal: string) => {
    logger.warn({ signal }, 'job: asked to stop');
    stopping.abort();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  const started = Date.now();
  logger.info('job: started');
  let code = 0;
  try {
    await definition.run({ info, logger, signal: stopping.signal });
    logger.info({ durationMs: Date.now() - started }, 'job: done');
  } catch (error) {
    logger.error({ err: error, durationMs: Date.now() - started }, 'job: failed');
    code = 1;
  }
  await flushLogger(logger);
  process.exit(code);
}
