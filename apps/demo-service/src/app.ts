import express, { type Express } from 'express';

/** What the app needs from outside; main.ts provides the real ones, tests their own. */
export interface AppDependencies {
  readonly service: string;
  readonly version: string;
  /** False from the moment shutdown begins: readiness then answers 503. */
  readonly isReady: () => boolean;
}

/** Builds the Express app. It never listens: main.ts does, and tests use it in-process. */
export function createApp(deps: AppDependencies): Express {
  const app = express();
  app.disable('x-powered-by');

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', (_req, res) => {
    const ready = deps.isReady();
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'shutting-down' });
  });
  app.get('/', (_req, res) => {
    res.json({ service: deps.service, version: deps.version });
  });
  app.use((_req, res) => {
    res.status(404).json({ error: { code: 'not_found', message: 'no such route' } });
  });
  return app;
}
