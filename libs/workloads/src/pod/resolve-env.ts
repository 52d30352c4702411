import type { Environment } from '@platform/environments';
import type { PropChecker } from '../prop-checker.js';
import type { ConfigUse } from './pod-props.js';
import { ENV_NAME, isDirectory } from './pod-rules.js';

/**
 * The container's plain environment: `ENVIRONMENT` and `LOG_LEVEL` from the environment, then
 * the props' own, each a valid name and none that the construct sets itself.
 */
export function envOf(
  check: PropChecker,
  own: Readonly<Record<string, string>> | undefined,
  environment: Environment | undefined,
  reservedEnv: readonly string[],
): Record<string, string> {
  const env: Record<string, string> = {
    ...(environment ? { ENVIRONMENT: environment.name, LOG_LEVEL: environment.logLevel } : {}),
    ...own,
  };
  for (const key of Object.keys(own ?? {})) {
    if (!ENV_NAME.test(key))
      check.fail(`env.${key}`, env[key], 'has a name that is not a valid environment variable');
    if (reservedEnv.includes(key))
      check.fail(`env.${key}`, env[key], 'is set by the construct; set its prop instead');
  }
  return env;
}

/** A config mounted at a directory, or passed as environment with keys that can be variables. */
export function checkConfigUse(check: PropChecker, config: ConfigUse | undefined): void {
  if (config?.mountPath !== undefined && !isDirectory(config.mountPath)) {
    check.fail(
      'config.mountPath',
      config.mountPath,
      "must be an absolute directory other than '/'",
    );
  }
  if (config && config.mountPath === undefined) {
    for (const key of config.from.keys()) {
      if (!ENV_NAME.test(key)) {
        check.fail(
          'config',
          key,
          'is a key that is not a valid environment variable: give config.mountPath to mount it as a file',
        );
      }
    }
  }
}
