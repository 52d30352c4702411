import { ConfigError } from '../config/config-error.js';
import { parseClusterConfig } from '../config/parse-cluster-config.js';
import { environmentsFor, stackConfig } from './fixture-stacks.js';

/** Parses the staging fixture with `changes` on top (undefined removes a key). */
export function parseStaging(changes: Record<string, unknown>, stack = 'staging') {
  const raw = { ...stackConfig('staging'), ...changes };
  for (const [key, value] of Object.entries(changes)) if (value === undefined) delete raw[key];
  return parseClusterConfig(raw, stack, environmentsFor(raw, stack));
}

/** The ConfigError parsing staging with `changes` throws; fails the test if none is thrown. */
export function configError(changes: Record<string, unknown>, stack = 'staging'): ConfigError {
  try {
    parseStaging(changes, stack);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error(`expected a ConfigError for ${JSON.stringify(changes)}`);
}
