import express, { type Express } from 'express';
import { errorHandler, methodNotAllowed, notFound } from './http-error.js';
import { platformRoutes } from './platform-routes.js';
import { requestObserver } from './request-observer.js';
import { staticSecurityHeaders } from './security-headers.js';
import type { ServiceContext, ServiceDefinition } from './service-definition.js';

/**
 * Builds the service's Express app: the platform's routes and the service's own, a 405 with
 * `Allow` for any other method on their paths, a JSON 404 for any other path, one error shape.
 * It never listens: `startService` does, and tests use it in-process.
 */
export function createApp(definition: ServiceDefinition, context: ServiceContext): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(requestObserver({ ...context, headers: staticSecurityHeaders() }));

  const platform = platformRoutes(context);
  const own = definition.routes(context);
  const taken = own.find((route) => platform.some((p) => p.path === route.path));
  if (taken) {
    throw new Error(
      `${definition.name}: route ${taken.method.toUpperCase()} ${taken.path} is on a path the platform serves (liveness, readiness, metrics)`,
    );
  }
  const table = [...platform, ...own];
  for (const route of table) app[route.method](route.path, ...route.handlers);
  for (const path of new Set(table.map((r) => r.path))) {
    const methods = table.filter((r) => r.path === path).map((r) => r.method.toUpperCase());
    if (methods.includes('GET')) methods.push('HEAD');
    app.all(path, methodNotAllowed(methods));
  }
  app.use(notFound);
  app.use(errorHandler(context.logger));
  return app;
}
