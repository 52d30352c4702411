import { createServer, type Server } from 'node:http';
import type { Express } from 'express';
import type { Config } from './config.js';

/**
 * Starts listening with timeouts set on purpose: idle keep-alive connections
 * outlive the load balancer's (60 s), and slow or stalled requests are cut off.
 */
export function listen(
  app: Express,
  config: Pick<Config, 'port' | 'keepAliveTimeoutMs' | 'headersTimeoutMs' | 'requestTimeoutMs'>,
): Promise<Server> {
  const server = createServer(
    {
      keepAliveTimeout: config.keepAliveTimeoutMs,
      headersTimeout: config.headersTimeoutMs,
      requestTimeout: config.requestTimeoutMs,
    },
    app,
  );
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}
