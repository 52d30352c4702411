import { platformServiceContract as contract } from '@platform/service-contracts';
import type { Route, ServiceContext } from './service-definition.js';

/**
 * The routes every service serves for its platform, at the paths of the service contract
 * that the workload library probes: liveness, readiness (503 from the moment shutdown
 * begins) and Prometheus metrics.
 */
export function platformRoutes({ lifecycle, metrics }: ServiceContext): Route[] {
  return [
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
  ];
}
