import { expect } from 'vitest';
import type { RawBootstrapConfig } from '../config/config-reader.js';
import { BootstrapConfigError, parseBootstrapConfig } from '../config/parse-bootstrap-config.js';

/** The problems a config has; fails the test when the config parses. */
export function problemsOf(raw: RawBootstrapConfig, stack = 'staging'): readonly string[] {
  try {
    parseBootstrapConfig(raw, stack);
  } catch (error) {
    expect(error).toBeInstanceOf(BootstrapConfigError);
    return (error as BootstrapConfigError).problems;
  }
  throw new Error('expected the config to be refused');
}
