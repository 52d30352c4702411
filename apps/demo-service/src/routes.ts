import { HttpError, jsonBody, type Route, type ServiceContext } from '@platform/service-runtime';
import type { RequestHandler } from 'express';

/** Letters, digits, space, hyphen and apostrophe; 1–64 characters. */
const NAME = /^[\p{L}\p{Nd} '-]{1,64}$/u;
/** The greeting comes from the app's configuration (its chart's AppConfig): 1–32 letters or spaces. */
const GREETING = /^[\p{L} ]{1,32}$/u;

/** `GREETING` from the environment, checked once at start-up; a bad value stops the process. */
export function greetingFrom(env: Readonly<Record<string, string | undefined>>): string {
  const greeting = env['GREETING'] ?? 'Hello';
  if (!GREETING.test(greeting))
    throw new Error(`GREETING ${JSON.stringify(greeting)} must be 1-32 letters or spaces`);
  return greeting;
}

const hello =
  (greeting: string): RequestHandler =>
  (req, res) => {
    const name = req.query['name'];
    if (typeof name !== 'string' || !NAME.test(name)) {
      throw new HttpError(
        400,
        'invalid_name',
        "query parameter 'name' must be 1-64 letters, digits, spaces, hyphens or apostrophes",
      );
    }
    res.json({ message: `${greeting}, ${name}!` });
  };

const echo: RequestHandler = (req, res) => {
  res.json({ echo: req.body as unknown, receivedAt: new Date().toISOString() });
};

/**
 * The demo's own routes. The runtime adds liveness, readiness and metrics, a 405 for the other
 * methods on these paths, a 404 for any other path, and the one error shape.
 */
export function routes({ info }: ServiceContext): Route[] {
  const infoBody = {
    service: info.service,
    version: info.version,
    gitSha: info.gitSha,
    environment: info.environment,
  };
  return [
    { method: 'get', path: '/', handlers: [(_req, res) => void res.json(infoBody)] },
    { method: 'get', path: '/api/hello', handlers: [hello(greetingFrom(process.env))] },
    { method: 'post', path: '/api/echo', handlers: [...jsonBody({ limit: '64kb' }), echo] },
  ];
}
