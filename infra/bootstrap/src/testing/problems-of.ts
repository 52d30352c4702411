import type { Environment, WorkspaceRepository } from '@platform/environments';
import { StackConfigError, readStackConfig } from '@platform/infra-stack-kit';
import { applyStackConfig, type StackValues } from '@platform/infra-stack-kit/testing';
import { expect } from 'vitest';
import { PROJECT } from '../config/bootstrap-fields.js';
import {
  parseBootstrapConfig,
  type ParsedBootstrapConfig,
} from '../config/parse-bootstrap-config.js';
import { BOOTSTRAP_PROJECT, SECRET_KEYS } from './config-fixtures.js';

/** The workspace data a parse reads besides the stack; each defaults to libs/environments'. */
export interface WorkspaceData {
  readonly environments?: readonly Environment[];
  readonly repository?: WorkspaceRepository;
}

/**
 * Parses these stack values as index.ts does: set as the CLI would (Pulumi.yaml's defaults
 * applied, the secret keys set with `--secret`), then read from the runtime.
 */
export function parseStack(
  values: StackValues,
  stack = 'staging',
  workspace: WorkspaceData = {},
): ParsedBootstrapConfig {
  applyStackConfig(BOOTSTRAP_PROJECT, values, SECRET_KEYS);
  return parseBootstrapConfig(
    readStackConfig(PROJECT),
    stack,
    workspace.environments,
    workspace.repository,
  );
}

/** The problems a config has; fails the test when the config parses. */
export function problemsOf(
  values: StackValues,
  stack = 'staging',
  workspace: WorkspaceData = {},
): readonly string[] {
  try {
    parseStack(values, stack, workspace);
  } catch (error) {
    expect(error).toBeInstanceOf(StackConfigError);
    return (error as StackConfigError).problems;
  }
  throw new Error('expected the config to be refused');
}
