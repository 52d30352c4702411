import express, { type RequestHandler } from 'express';
import { HttpError } from './http-error.js';

export interface JsonBodyOptions {
  /** The largest body accepted; more is refused with 413. @default '64kb' */
  readonly limit?: string;
}

/** JSON only: anything else is refused with 415 before a byte of it is parsed. */
const requireJson: RequestHandler = (req, _res, next) => {
  if (!req.is('application/json')) {
    throw new HttpError(415, 'unsupported_media_type', 'send the body as application/json');
  }
  next();
};

/**
 * The handlers that parse a JSON request body: 415 for another content type, 413 above the
 * limit, 400 for malformed JSON, each in the runtime's error shape. Put them before the
 * route's own handler: `{ method: 'post', path, handlers: [...jsonBody(), handler] }`.
 */
export function jsonBody(options: JsonBodyOptions = {}): RequestHandler[] {
  return [
    requireJson,
    express.json({ limit: options.limit ?? '64kb', strict: false, type: () => true }),
  ];
}
