import { randomUUID } from 'node:crypto';

/** What we accept from a caller's `x-request-id`: short, printable, no spaces or quotes (it lands in logs). */
const WELL_FORMED = /^[A-Za-z0-9._:-]{1,128}$/;

/** The caller's request id when well formed, otherwise a new UUID. */
export function requestIdFrom(header: string | string[] | undefined): string {
  return typeof header === 'string' && WELL_FORMED.test(header) ? header : randomUUID();
}
