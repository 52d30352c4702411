import { demoServiceContract as contract } from '@platform/service-contracts';
import express, { type RequestHandler } from 'express';
import { HttpError } from './http-error.js';
import type { Lifecycle } from './lifecycle.js';
import type { Metrics } from './metrics.js';

/** What `GET /` reports, so a rollout is visible from outside. */
export interface ServiceInfo {
  readonly service: string;
  readonly version: string;
  readonly gitSha: string;
  readonly environment: string;
}

export interface Route {
  readonly method: 'get' | 'post';
  readonly path: string;
  readonly handlers: readonly RequestHandler[];
}

/** Letters, digits, space, hyphen and apostrophe; 1–64 characters. */
const NAME = /^[\p{L}\p{Nd} '-]{1,64}$/u;
export const BODY_LIMIT = '64kb';

const hello: RequestHandler = (req, res) => {
  const name = req.query['name'];
  if (typeof name !== 'string' || !NAME.test(name)) {
    throw new HttpError(
      400,
      'invalid_name',
      "query parameter 'name' must be 1-64 letters, digits, spaces, hyphens or apostrophes",
    );
  }
  res.json({ message: `Hello, ${name}!` });
};

/** JSON only: anything else is refused before a byte of it is parsed. */
const requireJson: RequestHandler = (req, _res, next) => {
  if (!req.is('application/json')) {
    throw new HttpError(415, 'unsupported_media_type', 'send the body as application/json');
  }
  next();
};

const echo: RequestHandler = (req, res) => {
  res.json({ echo: req.body as unknown, receivedAt: new Date().toISOString() });
};

/**
 * Every route the service serves; the app adds 405s for the other methods on these
 * paths. Probe and metrics paths come from the service contract, which the
 * manifests' probes read too.
 */
export function routes(info: ServiceInfo, lifecycle: Lifecycle, metrics: Metrics): Route[] {
  const infoBody = {
    service: info.service,
    version: info.version,
    gitSha: info.gitSha,
    environment: info.environment,
  };
  return [
    { method: 'get', path: '/', handlers: [(_req, res) => void res.json(infoBody)] },
    {
      method: 'get',
      path: contract.livenessPath,
      handlers: [(_req, res) => void res.json({ status: 'ok' })],
    },
    {
      method: 'get',
      path: contract.readinessPath,
      handlers: [
        (_req, res) => {
          const ready = lifecycle.isReady();
          res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'shutting-down' });
        },
      ],
    },
    {
      method: 'get',
      path: contract.metricsPath,
      handlers: [
        async (_req, res) => {
          const body = await metrics.render();
          res.type(metrics.contentType).send(body);
        },
      ],
    },
    { method: 'get', path: '/api/hello', handlers: [hello] },
    {
      method: 'post',
      path: '/api/echo',
      handlers: [
        requireJson,
        express.json({ limit: BODY_LIMIT, strict: false, type: () => true }),
        echo,
      ],
    },
  ];
}
