import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * helmet, set for a JSON API: the headers that protect an API response (no
 * sniffing, no framing, no referrer, HTTPS only, no cross-origin reads), without
 * those that only matter to HTML documents.
 */
export const API_SECURITY_HEADERS: HelmetOptions = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
  },
  strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
  xContentTypeOptions: true,
  referrerPolicy: { policy: 'no-referrer' },
  crossOriginResourcePolicy: { policy: 'same-origin' },
  xFrameOptions: false, // frame-ancestors above supersedes it
  crossOriginOpenerPolicy: false,
  crossOriginEmbedderPolicy: false,
  originAgentCluster: false,
  xDnsPrefetchControl: false,
  xDownloadOptions: false,
  xPermittedCrossDomainPolicies: false,
  xXssProtection: false,
  xPoweredBy: false, // disabled on the app itself
};

/**
 * The headers helmet sets with these options, computed once. They do not depend
 * on the request (no CSP nonce), so setting the same list on every response
 * gives the same result as running helmet's chain of middleware per request,
 * without the chain (measured in scripts/load-bench.ts).
 */
export function staticSecurityHeaders(
  options: HelmetOptions = API_SECURITY_HEADERS,
): ReadonlyArray<readonly [string, string]> {
  const headers: [string, string][] = [];
  const response = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers.push([name, String(value)]);
      return response;
    },
    removeHeader() {
      return response;
    },
  };
  let finished = false;
  helmet(options)(
    {} as IncomingMessage,
    response as unknown as ServerResponse,
    (error?: unknown) => {
      if (error) throw error instanceof Error ? error : new Error(String(error));
      finished = true;
    },
  );
  if (!finished)
    throw new Error('helmet did not complete synchronously; its headers cannot be precomputed');
  return headers;
}
