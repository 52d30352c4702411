import type { MockHandlers } from '@platform/infra-stack-kit/testing';
import * as rpc from '@pulumi/pulumi/runtime/rpc.js';

/** How the engine marks a secret value in resource inputs: the SDK's own wire constants. */
export const SECRET_SIG_KEY = rpc.specialSigKey;
export const SECRET_SIG = rpc.specialSecretSig;

export interface ClusterStackOutputs {
  readonly outputs: Readonly<Record<string, unknown>>;
  /** @default ['kubeconfig'] */
  readonly secretOutputNames?: readonly string[];
}

/**
 * A fake Kubernetes (and Pulumi service) for the shared harness, answering with realistic
 * state: a StackReference returns the outputs of the named cluster stack (failing for an
 * unknown one, as the engine would), a Helm release reports itself deployed, a namespace Active.
 * It answers no invoke: the program calls no provider function.
 */
export function kubernetesMocks(
  stacks: Readonly<Record<string, ClusterStackOutputs>> = {},
): MockHandlers {
  return {
    newResource(args) {
      switch (args.type) {
        case 'pulumi:pulumi:StackReference': {
          const stack = stacks[args.inputs.name];
          if (!stack) throw new Error(`unknown stack '${args.inputs.name}'`);
          return {
            id: args.inputs.name,
            state: {
              name: args.inputs.name,
              outputs: stack.outputs,
              secretOutputNames: stack.secretOutputNames ?? ['kubeconfig'],
            },
          };
        }
        case 'pulumi:providers:kubernetes':
          return { id: `${args.name}-provider-id`, state: args.inputs };
        case 'kubernetes:helm.sh/v3:Release':
          return {
            id: `${args.inputs.namespace}/${args.inputs.name}`,
            state: {
              ...args.inputs,
              status: {
                name: args.inputs.name,
                namespace: args.inputs.namespace,
                chart: args.inputs.chart,
                version: args.inputs.version,
                status: 'deployed',
                revision: 1,
              },
            },
          };
        case 'kubernetes:core/v1:Namespace':
          return {
            id: args.inputs.metadata.name,
            state: { ...args.inputs, status: { phase: 'Active' } },
          };
        default:
          return {
            id: args.inputs.metadata
              ? `${args.inputs.metadata.namespace ?? ''}/${args.inputs.metadata.name}`
              : `${args.name}-id`,
            state: args.inputs,
          };
      }
    },
  };
}
