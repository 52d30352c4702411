import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';

/** An error with the HTTP status and machine-readable code the client gets. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** body-parser's error types, mapped to what the client did wrong. */
const BODY_ERRORS: Readonly<Record<string, [number, string, string]>> = {
  'entity.too.large': [413, 'payload_too_large', 'the request body is larger than allowed'],
  'entity.parse.failed': [400, 'invalid_json', 'the request body is not valid JSON'],
  'encoding.unsupported': [415, 'unsupported_media_type', 'the content encoding is not supported'],
  'charset.unsupported': [415, 'unsupported_media_type', 'the charset is not supported'],
  'request.aborted': [400, 'request_aborted', 'the request was aborted'],
  'request.size.invalid': [
    400,
    'bad_request',
    'the request size does not match its content-length',
  ],
};

function toHttpError(error: unknown): HttpError | undefined {
  if (error instanceof HttpError) return error;
  const { type, limit } = (error ?? {}) as { type?: unknown; limit?: unknown };
  if (type === 'entity.too.large' && typeof limit === 'number') {
    return new HttpError(
      413,
      'payload_too_large',
      `the request body is larger than ${size(limit)}`,
    );
  }
  const known = typeof type === 'string' ? BODY_ERRORS[type] : undefined;
  return known ? new HttpError(...known) : undefined;
}

/** 65536 → '64 KiB', 1000 → '1000 bytes': the limit as the route was given it. */
function size(bytes: number): string {
  if (bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}

/** `{ error: { code, message, requestId } }`, the one shape every error takes. */
export function errorBody(code: string, message: string, requestId: string) {
  return { error: { code, message, requestId } };
}

/**
 * The last middleware: every error becomes the JSON error shape with the right
 * status. Unexpected errors are logged with their stack and answered with a
 * generic 500: no stack trace or internal message reaches the client.
 */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, _req, res, next) => {
    const requestId = String(res.locals['requestId'] ?? '');
    if (res.headersSent) {
      next(error);
      return;
    }
    // A handler may have set its own content type before failing.
    res.removeHeader('Content-Type');
    const http = toHttpError(error);
    if (!http) {
      logger.error({ requestId, err: error }, 'unhandled error');
      res.status(500).json(errorBody('internal_error', 'internal server error', requestId));
      return;
    }
    res
      .status(http.status)
      .set(http.headers)
      .json(errorBody(http.code, http.message, requestId));
  };
}

/** For a known path asked with a method it does not serve: 405 with `Allow`. */
export function methodNotAllowed(allowed: readonly string[]): RequestHandler {
  const allow = allowed.join(', ');
  return (req, _res, next) => {
    next(
      new HttpError(405, 'method_not_allowed', `${req.method} is not allowed here; use ${allow}`, {
        Allow: allow,
      }),
    );
  };
}

/** For any other path. */
export const notFound: RequestHandler = (req, _res, next) => {
  next(new HttpError(404, 'not_found', `no route for ${req.method} ${req.path}`));
};
