import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Logger } from 'pino';
import type { Lifecycle } from './lifecycle.js';

export interface ShutdownOptions {
  readonly server: Server;
  readonly lifecycle: Lifecycle;
  readonly logger: Logger;
  /** Keep serving this long after the signal, with readiness at 503, while endpoints are updated. */
  readonly drainDelayMs: number;
  /** Then wait at most this long for in-flight requests, before giving up with exit code 1. */
  readonly graceMs: number;
  /** Called once with the exit code (main.ts flushes the logs and exits). */
  readonly exit: (code: number) => void;
  /** Stops the service's background work; resolves once it returned. @default nothing to stop */
  readonly stopWork?: () => Promise<void>;
}

/**
 * Graceful shutdown, in the order Kubernetes needs it:
 * 1. readiness turns 503 at once, so the endpoints controller takes the pod out;
 * 2. the server keeps serving for the drain delay, as proxies may still send traffic;
 * 3. it stops accepting connections, closes idle keep-alive ones, lets in-flight
 *    requests finish, and exits 0;
 * 4. if something hangs past the grace period, it exits 1.
 */
export function createShutdown(options: ShutdownOptions): (signal: string) => void {
  let started = false;
  // Responses in flight when the signal comes must not leave a keep-alive connection
  // behind: a client would reuse it after the listener has closed. HTTP/1.1 serves one
  // request at a time per connection, so the latest response of each socket is enough.
  const latest = new Map<Socket, ServerResponse>();
  options.server.on('connection', (socket: Socket) =>
    socket.once('close', () => latest.delete(socket)),
  );
  options.server.on('request', (req: IncomingMessage, res: ServerResponse) =>
    latest.set(req.socket, res),
  );
  return (signal) => {
    if (started) {
      options.logger.warn({ signal }, 'shutdown already in progress');
      return;
    }
    started = true;
    const begun = Date.now();
    options.lifecycle.beginShutdown();
    for (const [socket, res] of latest) {
      if (res.writableFinished) continue;
      if (!res.headersSent) res.setHeader('Connection', 'close');
      else res.once('finish', () => socket.end());
    }
    options.logger.info(
      { signal, drainDelayMs: options.drainDelayMs, graceMs: options.graceMs },
      'shutdown: readiness now 503, draining',
    );

    setTimeout(() => {
      options.logger.info(
        'shutdown: no longer accepting connections; finishing in-flight requests',
      );
      const hardStop = setTimeout(() => {
        options.logger.error(
          { graceMs: options.graceMs },
          'shutdown: in-flight requests did not finish in time',
        );
        options.exit(1);
      }, options.graceMs);
      hardStop.unref();
      const serverClosed = new Promise<void>((resolve) => options.server.close(() => resolve()));
      void Promise.all([serverClosed, options.stopWork?.()]).then(() => {
        clearTimeout(hardStop);
        options.logger.info({ durationMs: Date.now() - begun }, 'shutdown: complete');
        options.exit(0);
      });
      // Idle keep-alive sockets would otherwise hold close() open until their timeout.
      options.server.closeIdleConnections();
      const sweeper = setInterval(() => options.server.closeIdleConnections(), 100);
      sweeper.unref();
    }, options.drainDelayMs).unref();
  };
}
