import * as pulumi from '@pulumi/pulumi';
import type { ClusterConfig } from '../config/cluster-config.js';
import { PROJECT } from '../config/config-error.js';
import { parseClusterConfig } from '../config/parse-cluster-config.js';
import type { ClusterOutputs } from '../program.js';
import { platformMocks } from './platform-mocks.js';
import { ResourceRecorder } from './resource-recorder.js';
import { environmentsFor, stackConfig } from './fixture-stacks.js';

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
 * Installs the mocks, then imports the program, declares each variant and waits until every
 * resource has been registered. The stacks share one mocked deployment (their names differ by
 * prefix) and are returned by name prefix (`platform-staging`…).
 */
export async function defineStacks(
  variants: readonly StackVariant[],
): Promise<{ recorder: ResourceRecorder; stacks: Record<string, DefinedStack> }> {
  const recorder = new ResourceRecorder();
  await pulumi.runtime.setMocks(platformMocks(recorder), PROJECT, 'staging', false);
  const { defineCluster } = await import('../program.js');
  const stacks: Record<string, DefinedStack> = {};
  for (const variant of variants) {
    const { stack, overrides } =
      typeof variant === 'string' ? { stack: variant, overrides: {} } : variant;
    const raw = { ...stackConfig(stack), ...overrides };
    const config = parseClusterConfig(raw, stack, environmentsFor(raw, stack));
    stacks[config.namePrefix] = { config, outputs: defineCluster(config) };
  }
  // Waits for every outstanding registration; the outputs stay readable afterwards.
  await pulumi.runtime.disconnect();
  return { recorder, stacks };
}

/** The stack of that name prefix, or a clear failure. */
export function stackNamed(stacks: Record<string, DefinedStack>, namePrefix: string): DefinedStack {
  const found = stacks[namePrefix];
  if (!found)
    throw new Error(`no stack ${namePrefix} (defined: ${Object.keys(stacks).join(', ')})`);
  return found;
}
