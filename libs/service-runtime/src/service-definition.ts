import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import type { Lifecycle } from './lifecycle.js';
import type { Metrics } from './metrics.js';

/** What the running service reports about itself (`GET /` of the demo), so a rollout is visible. */
export interface ServiceInfo {
  readonly service: string;
  readonly version: string;
  readonly gitSha: string;
  readonly environment: string;
}

/** One route of the service: the runtime answers other methods on its path with 405. */
export interface Route {
  readonly method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** An Express path; its template (never the raw path) labels logs and metrics. */
  readonly path: string;
  readonly handlers: readonly RequestHandler[];
}

/** What a service's routes get from the runtime: the one logger and metrics registry, and its state. */
export interface ServiceContext {
  readonly info: ServiceInfo;
  readonly logger: Logger;
  readonly metrics: Metrics;
  readonly lifecycle: Lifecycle;
}

/** A service: its name and its routes. The runtime adds liveness, readiness and metrics. */
export interface ServiceDefinition {
  /** The app's name (its folder under `apps/`): in every log line, every metric and `info`. */
  readonly name: string;
  /** The service's own routes, built once at start-up. */
  readonly routes: (context: ServiceContext) => readonly Route[];
  /**
   * Work beside the server (a queue consumer's loop), started once it listens. On SIGTERM its
   * `signal` aborts: it finishes what it holds and returns; the process exits when both it and
   * the server are done (or with 1 after the grace period). A rejection exits 1. @default none
   */
  readonly work?: (context: WorkContext) => Promise<void>;
}

/** What a service's background work gets: the context, and the signal that says stop. */
export interface WorkContext extends ServiceContext {
  readonly signal: AbortSignal;
}
