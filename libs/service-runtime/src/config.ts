import { DNS_LABEL, platformServiceContract } from '@platform/service-contracts';
// zod/mini: the same schemas, tree-shakable: a tenth of the bundle the full API adds (start-up, memory).
import * as z from 'zod/mini';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** An environment variable: a string or unset, turned into a value by `parse`, which returns an error message or the value. */
const variable = <T>(parse: (value: string | undefined) => { value: T } | { problem: string }) =>
  z.pipe(
    z.optional(z.string()),
    z.transform((value: string | undefined, context) => {
      const result = parse(value);
      if ('value' in result) return result.value;
      context.issues.push({ code: 'custom', message: result.problem, input: value });
      return z.NEVER;
    }),
  );

/** An integer from an environment variable, within bounds, with a default when unset or empty. */
const integer = (fallback: number, min: number, max: number) =>
  variable((value) => {
    if (value === undefined || value.trim() === '') return { value: fallback };
    const parsed = Number(value);
    return Number.isInteger(parsed) && parsed >= min && parsed <= max && /^\s*-?\d+\s*$/.test(value)
      ? { value: parsed }
      : { problem: `expected an integer from ${min} to ${max}, got '${value}'` };
  });

const text = (fallback: string, pattern: RegExp, description: string) =>
  variable((value) => {
    if (value === undefined || value === '') return { value: fallback };
    return pattern.test(value) ? { value } : { problem: `expected ${description}, got '${value}'` };
  });

/**
 * Drain, then grace, must end before Kubernetes' SIGKILL (the contract's termination
 * grace period, which the manifests set): 5 s of drain, and what is left minus a 5 s
 * margin for in-flight requests.
 */
export const DEFAULT_DRAIN_DELAY_MS = 5_000;
export const DEFAULT_SHUTDOWN_GRACE_MS =
  platformServiceContract.terminationGracePeriodSeconds * 1000 - DEFAULT_DRAIN_DELAY_MS - 5_000;

/**
 * The service's configuration, from environment variables, validated once at
 * start-up. Timeouts are chosen against a load balancer with a 60 s idle
 * timeout (AWS ALB's default): the server must keep idle connections longer,
 * or the balancer reuses a connection the server just closed (a 502).
 */
const schema = z.object({
  PORT: integer(platformServiceContract.port, 1, 65535),
  LOG_LEVEL: variable((value) => {
    const level = value === undefined || value === '' ? 'info' : value.toLowerCase();
    return (LOG_LEVELS as readonly string[]).includes(level)
      ? { value: level as (typeof LOG_LEVELS)[number] }
      : { problem: `expected one of ${LOG_LEVELS.join(', ')}, got '${value}'` };
  }),
  SERVICE_VERSION: text(
    '0.0.0-dev',
    /^[0-9A-Za-z][0-9A-Za-z.+_-]{0,127}$/,
    'a version such as 1.4.2 or a git tag',
  ),
  GIT_SHA: text(
    'unknown',
    /^([0-9a-f]{7,40}|unknown)$/,
    "a git commit SHA (7 to 40 lowercase hex characters) or 'unknown'",
  ),
  ENVIRONMENT: text('local', DNS_LABEL, 'an environment name (a DNS label)'),
  /** After SIGTERM, keep serving this long (readiness already 503) while Kubernetes removes the pod from its endpoints. */
  SHUTDOWN_DRAIN_DELAY_MS: integer(DEFAULT_DRAIN_DELAY_MS, 0, 300_000),
  /** After the drain delay, give in-flight requests this long to finish before exiting 1. */
  SHUTDOWN_GRACE_MS: integer(DEFAULT_SHUTDOWN_GRACE_MS, 100, 600_000),
  /** Idle keep-alive connections stay open this long: above the load balancer's 60 s idle timeout. */
  KEEP_ALIVE_TIMEOUT_MS: integer(65_000, 1_000, 600_000),
  /** Time allowed to receive a request's headers; at most REQUEST_TIMEOUT_MS (Node refuses more). */
  HEADERS_TIMEOUT_MS: integer(10_000, 1_000, 600_000),
  /** Time allowed to receive a whole request (headers and body). */
  REQUEST_TIMEOUT_MS: integer(30_000, 1_000, 600_000),
});

export type Config = Readonly<{
  port: number;
  logLevel: (typeof LOG_LEVELS)[number];
  serviceVersion: string;
  gitSha: string;
  environment: string;
  drainDelayMs: number;
  shutdownGraceMs: number;
  keepAliveTimeoutMs: number;
  headersTimeoutMs: number;
  requestTimeoutMs: number;
}>;

/** A bad environment variable: the message is one line naming it and what is wrong. */
export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`invalid configuration: ${variable}: ${problem}`);
  }
}

/** Reads and validates the configuration; throws {@link ConfigError} for the first bad variable. */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): Config {
  const parsed = schema.safeParse(
    Object.fromEntries(Object.keys(schema.shape).map((key) => [key, env[key]])),
  );
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(String(issue?.path[0] ?? 'environment'), issue?.message ?? 'invalid');
  }
  // Every variable has a default, so each key is present (zod types keys with optional input as optional).
  const c = parsed.data as {
    [K in keyof typeof parsed.data]-?: NonNullable<(typeof parsed.data)[K]>;
  };
  if (c.HEADERS_TIMEOUT_MS > c.REQUEST_TIMEOUT_MS) {
    throw new ConfigError(
      'HEADERS_TIMEOUT_MS',
      `${c.HEADERS_TIMEOUT_MS} is above REQUEST_TIMEOUT_MS (${c.REQUEST_TIMEOUT_MS})`,
    );
  }
  return {
    port: c.PORT,
    logLevel: c.LOG_LEVEL,
    serviceVersion: c.SERVICE_VERSION,
    gitSha: c.GIT_SHA,
    environment: c.ENVIRONMENT,
    drainDelayMs: c.SHUTDOWN_DRAIN_DELAY_MS,
    shutdownGraceMs: c.SHUTDOWN_GRACE_MS,
    keepAliveTimeoutMs: c.KEEP_ALIVE_TIMEOUT_MS,
    headersTimeoutMs: c.HEADERS_TIMEOUT_MS,
    requestTimeoutMs: c.REQUEST_TIMEOUT_MS,
  };
}

/**
 * The configuration of a process about to start: a bad variable stops it here, with exit code
 * 1 and one line naming the variable (a service's and a job's start alike).
 */
export function loadConfigOrExit(env: Readonly<Record<string, string | undefined>>): Config {
  try {
    return loadConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}
