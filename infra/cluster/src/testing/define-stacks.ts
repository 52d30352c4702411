import {
  installMocks,
  rawStackConfig,
  settle,
  type ResourceRecorder,
} from '@platform/infra-stack-kit/testing';
import type { ClusterConfig } from '../config/cluster-config.js';
import { PROJECT, parseClusterConfig } from '../config/parse-cluster-config.js';
import type { ClusterOutputs } from '../program.js';
import { platformMocks } from './platform-mocks.js';
import { environmentsFor, stackConfig } from './fixture-stacks.js';
import { CLUSTER_PROJECT } from './stack-files.js';

/**
 * A stack to declare: the fixture stack of that name, with `overrides` on top. Give a
 * variant its own `platformName` so that its names do not collide with the fixture stack's.
 */
export type StackVariant =
  string | { readonly stack: string; readonly overrides: Record<string, unknown> };

export interface DefinedStack {
  readonly config: ClusterConfig;
  readonly outputs: ClusterOutputs;
}

/**
 * Installs the mocks, then imports the program, declares each variant (its config as the CLI
 * hands it over, Pulumi.yaml's defaults applied) and waits until every resource has been
 * registered. The stacks share one mocked deployment (their names differ by prefix) and are
 * returned by name prefix (`platform-staging`…).
 */
export async function defineStacks(variants: readonly StackVariant[]): Promise<{
  recorder: ResourceRecorder;
  /** The registrations as the engine got them (protect, retainOnDelete, dependencies). */
  engine: Awaited<ReturnType<typeof installMocks>>['engine'];
  stacks: Record<string, DefinedStack>;
}> {
  const { recorder, engine } = await installMocks(PROJECT, 'staging', platformMocks);
  const { defineCluster } = await import('../program.js');
  const stacks: Record<string, DefinedStack> = {};
  for (const variant of variants) {
    const { stack, overrides } =
      typeof variant === 'string' ? { stack: variant, overrides: {} } : variant;
    const values = { ...stackConfig(stack), ...overrides };
    const raw = rawStackConfig(CLUSTER_PROJECT, values);
    const config = parseClusterConfig(raw, stack, environmentsFor(values, stack));
    stacks[config.namePrefix] = { config, outputs: defineCluster(config) };
  }
  // Waits for every outstanding registration; the outputs stay readable afterwards.
  await settle();
  return { recorder, engine, stacks };
}

/** The stack of that name prefix, or a clear failure. */
export function stackNamed(stacks: Record<string, DefinedStack>, namePrefix: string): DefinedStack {
  const found = stacks[namePrefix];
  if (!found)
    throw new Error(`no stack ${namePrefix} (defined: ${Object.keys(stacks).join(', ')})`);
  return found;
}
