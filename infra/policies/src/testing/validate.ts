import type { ResourceValidationArgs, ResourceValidationPolicy } from '@pulumi/policy';
import { vi } from 'vitest';

/** A rule, resources it must let through, and resources it must refuse. */
export type PolicyCase = readonly [
  ResourceValidationPolicy,
  readonly PolicyInput[],
  readonly PolicyInput[],
];

/** A resource as the policy engine would hand it to a rule. */
export interface PolicyInput {
  readonly type: string;
  readonly props: Record<string, any>;
  /** @default 'production' */
  readonly stack?: string;
}

/**
 * Runs a policy's validateResource on one resource with a reportViolation spy, as the engine
 * would (config defaults from the policy's configSchema), and returns the reported messages.
 */
export async function violationsOf(
  policy: ResourceValidationPolicy,
  input: PolicyInput,
): Promise<string[]> {
  const reportViolation = vi.fn<(message: string, urn?: string) => void>();
  const name = 'example';
  const urn = `urn:pulumi:${input.stack ?? 'production'}::infra-cluster::${input.type}::${name}`;
  const defaults = Object.fromEntries(
    Object.entries(policy.configSchema?.properties ?? {}).map(([key, schema]) => [
      key,
      (schema as any).default,
    ]),
  );
  const args: ResourceValidationArgs = {
    type: input.type,
    props: input.props,
    urn,
    name,
    opts: {
      protect: false,
      ignoreChanges: [],
      aliases: [],
      additionalSecretOutputs: [],
      customTimeouts: {},
    } as any,
    stackTags: new Map(),
    isType: () => false,
    asType: () => undefined,
    getConfig: <T extends object>() => defaults as T,
    notApplicable: (reason?: string): never => {
      throw new Error(`not applicable: ${reason ?? ''}`);
    },
  };
  for (const validate of [policy.validateResource ?? []].flat())
    await validate(args, reportViolation);
  return reportViolation.mock.calls.map(([message]) => message);
}
