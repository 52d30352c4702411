import { platformServiceContract as contract } from '@platform/service-contracts';
import type { Request, RequestHandler } from 'express';
import type { Logger } from 'pino';
import type { Lifecycle } from './lifecycle.js';
import type { Metrics } from './metrics.js';
import { requestIdFrom } from './request-id.js';

/** nginx's convention for a request the client abandoned before the response was sent. */
const CLIENT_CLOSED_REQUEST = 499;

/** Paths the kubelet and Prometheus call every few seconds: logged at debug, so they do not drown real traffic. */
const QUIET_PATHS = new Set([contract.livenessPath, contract.readinessPath, contract.metricsPath]);

/** The route template that matched (`/api/hello`), or `unmatched`: never the raw path, whose values are unbounded. */
function routeOf(req: Request): string {
  const path = (req.route as { path?: unknown } | undefined)?.path;
  return typeof path === 'string' ? `${req.baseUrl}${path}` : 'unmatched';
}

export interface ObserverOptions {
  readonly logger: Logger;
  readonly metrics: Metrics;
  readonly lifecycle: Lifecycle;
  /** Headers every response carries (the security headers). */
  readonly headers: ReadonlyArray<readonly [string, string]>;
}

/**
 * The one middleware for what every request gets: a request id (the caller's
 * when well formed), echoed in `x-request-id`; the security headers; one
 * access-log line at a level chosen by status; one histogram observation; and,
 * once shutdown has begun, `Connection: close`. One router layer instead of
 * several, no per-request child logger, no header serialization, no body.
 */
export function requestObserver({
  logger,
  metrics,
  lifecycle,
  headers,
}: ObserverOptions): RequestHandler {
  return (req, res, next) => {
    const started = performance.now();
    const requestId = requestIdFrom(req.headers['x-request-id']);
    res.locals['requestId'] = requestId;
    res.setHeader('x-request-id', requestId);
    for (const [name, value] of headers) res.setHeader(name, value);
    // Once shutdown begins, ask clients to reconnect (elsewhere) instead of reusing this connection.
    if (lifecycle.shuttingDown) res.setHeader('Connection', 'close');
    // 'close' follows 'finish' for every response, and comes alone when the client went away;
    // it is emitted once, so `on` does without the wrapper `once` allocates per request.
    res.on('close', () => {
      const elapsedMs = performance.now() - started;
      const route = routeOf(req);
      const status = res.writableFinished ? res.statusCode : CLIENT_CLOSED_REQUEST;
      metrics.observeRequest(req.method, route, status, elapsedMs / 1000);
      logRequest(logger, req, requestId, route, status, Math.round(elapsedMs * 1000) / 1000);
    });
    next();
  };
}

/** One line per request; `path` only when it says more than the route template (never the query string). */
function logRequest(
  logger: Logger,
  req: Request,
  requestId: string,
  route: string,
  status: number,
  durationMs: number,
): void {
  const path = req.path;
  const entry =
    path === route
      ? { requestId, method: req.method, route, status, durationMs }
      : { requestId, method: req.method, route, path, status, durationMs };
  if (status >= 500) logger.error(entry, 'request failed');
  else if (status >= 400) logger.warn(entry, 'request rejected');
  else if (QUIET_PATHS.has(path)) logger.debug(entry, 'request');
  else logger.info(entry, 'request');
}
