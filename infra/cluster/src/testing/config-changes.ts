import { StackConfigError } from '@platform/infra-stack-kit';
import { rawStackConfig } from '@platform/infra-stack-kit/testing';
import { parseClusterConfig } from '../config/parse-cluster-config.js';
import { environmentsFor, stackConfig } from './fixture-stacks.js';
import { CLUSTER_PROJECT } from './stack-files.js';

/**
 * Parses the fixture stack (staging unless told) with `changes` on top (undefined unsets a key),
 * as the CLI hands it over: Pulumi.yaml's defaults applied, every value a string.
 */
export function parseStaging(
  changes: Record<string, unknown>,
  stack = 'staging',
  base = 'staging',
) {
  const values = { ...stackConfig(base), ...changes };
  return parseClusterConfig(
    rawStackConfig(CLUSTER_PROJECT, values),
    stack,
    environmentsFor(values, stack),
  );
}

/**
 * Every problem parsing staging (or the fixture stack `base`) with `changes` reports; fails the
 * test if it parses.
 */
export function configProblems(
  changes: Record<string, unknown>,
  stack = 'staging',
  base = 'staging',
): string[] {
  try {
    parseStaging(changes, stack, base);
  } catch (error) {
    if (error instanceof StackConfigError) return [...error.problems];
    throw error;
  }
  throw new Error(`expected a StackConfigError for ${JSON.stringify(changes)}`);
}

/** The one problem reported about `key` (`stack` for the stack itself); fails the test otherwise. */
export function problemWith(
  key: string,
  changes: Record<string, unknown>,
  stack = 'staging',
): string {
  const problems = configProblems(changes, stack);
  const prefix = key === 'stack' ? 'stack: ' : `infra-cluster:${key}: `;
  const found = problems.filter((problem) => problem.startsWith(prefix));
  if (found.length !== 1 || !found[0]) {
    throw new Error(`expected one problem with ${key}, got:\n${problems.join('\n')}`);
  }
  return found[0];
}
