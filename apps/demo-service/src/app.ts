import express, { type Express } from 'express';
import type { Logger } from 'pino';
import { errorHandler, methodNotAllowed, notFound } from './http-error.js';
import type { Lifecycle } from './lifecycle.js';
import type { Metrics } from './metrics.js';
import { requestObserver } from './request-observer.js';
import { routes, type ServiceInfo } from './routes.js';
import { staticSecurityHeaders } from './security-headers.js';

/** What the app needs from outside; main.ts builds the real ones, tests their own. */
export interface AppDependencies {
  readonly info: ServiceInfo;
  readonly logger: Logger;
  readonly metrics: Metrics;
  readonly lifecycle: Lifecycle;
}

/** Builds the Express app. It never listens: main.ts does, and tests use it in-process. */
export function createApp(deps: AppDependencies): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(requestObserver({ ...deps, headers: staticSecurityHeaders() }));

  const table = routes(deps.info, deps.lifecycle, deps.metrics);
  for (const route of table) app[route.method](route.path, ...route.handlers);
  for (const path of new Set(table.map((r) => r.path))) {
    const methods = table.filter((r) => r.path === path).map((r) => r.method.toUpperCase());
    if (methods.includes('GET')) methods.push('HEAD');
    app.all(path, methodNotAllowed(methods));
  }
  app.use(notFound);
  app.use(errorHandler(deps.logger));
  return app;
}
