import * as pulumi from '@pulumi/pulumi';
import * as rpc from '@pulumi/pulumi/runtime/rpc.js';

/** One resource the program registered (or read, for a StackReference), as the engine saw it. */
export interface RecordedResource {
  readonly type: string;
  readonly name: string;
  /** Inputs as sent to the engine: a secret stays wrapped as `{ [SECRET_SIG_KEY]: SECRET_SIG, value }`. */
  readonly inputs: any;
  readonly provider: string | undefined;
}

/** How the engine marks a secret value in resource inputs: the SDK's own wire constants. */
export const SECRET_SIG_KEY = rpc.specialSigKey;
export const SECRET_SIG = rpc.specialSecretSig;

export interface ClusterStackOutputs {
  readonly outputs: Readonly<Record<string, unknown>>;
  /** @default ['kubeconfig'] */
  readonly secretOutputNames?: readonly string[];
}

/**
 * Mocks that record every resource and invoke, and answer with realistic state: a
 * StackReference returns the outputs of the named cluster stack (failing for an unknown one, as
 * the engine would), a Helm release reports itself deployed, a namespace Active.
 */
export class RecordingMocks implements pulumi.runtime.Mocks {
  readonly resources: RecordedResource[] = [];
  readonly invokes: { readonly token: string; readonly inputs: any }[] = [];

  constructor(private readonly stacks: Readonly<Record<string, ClusterStackOutputs>> = {}) {}

  newResource(args: pulumi.runtime.MockResourceArgs): pulumi.runtime.MockResourceResult {
    this.resources.push({
      type: args.type,
      name: args.name,
      inputs: args.inputs,
      provider: args.provider,
    });
    switch (args.type) {
      case 'pulumi:pulumi:StackReference': {
        const stack = this.stacks[args.inputs.name];
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
  }

  call(args: pulumi.runtime.MockCallArgs): pulumi.runtime.MockCallResult {
    this.invokes.push({ token: args.token, inputs: args.inputs });
    throw new Error(`unexpected invoke ${args.token}: the program calls no provider functions`);
  }

  ofType(type: string): RecordedResource[] {
    return this.resources.filter((resource) => resource.type === type);
  }

  /** The one resource of this type and logical name; fails the test otherwise. */
  one(type: string, name: string): RecordedResource {
    const found = this.resources.filter(
      (resource) => resource.type === type && resource.name === name,
    );
    if (found.length !== 1) {
      const seen = this.resources
        .map((resource) => `${resource.type} ${resource.name}`)
        .join('\n  ');
      throw new Error(
        `expected one ${type} named '${name}', found ${found.length}; registered:\n  ${seen}`,
      );
    }
    return found[0] as RecordedResource;
  }
}

/** A registration as the engine receives it, before the mocks see it. */
export interface EngineRequest {
  /** URNs this resource waits for: explicit dependsOn and the resources its inputs come from. */
  readonly dependencies: readonly string[];
  /** The serialized inputs: a nested secret is wrapped where it sits, not lifted to its property. */
  readonly inputs: any;
  /** Whether the resource is protected from deletion (the `protect` option, as the engine gets it). */
  readonly protect: boolean;
}

/** Registrations keyed `type name`. */
export type EngineLog = Map<string, EngineRequest>;

interface RegisterRequest {
  getType(): string;
  getName(): string;
  getDependenciesList(): string[];
  getProtect(): boolean;
  getObject(): { toJavaScript(): unknown } | undefined;
}

/**
 * Installs the mocks (preview off, so outputs resolve) and records each registration as the
 * engine would receive it: its dependencies (the ordering the engine enforces) and its inputs
 * (the mocks' own copy lifts every nested secret to the top-level property).
 */
export async function installMocks(
  mocks: RecordingMocks,
  stack: string,
  project = 'infra-bootstrap',
): Promise<EngineLog> {
  await pulumi.runtime.setMocks(mocks, project, stack, false);
  const monitor = pulumi.runtime.getMonitor() as unknown as {
    registerResource(request: RegisterRequest, callback: unknown): unknown;
  };
  const log: EngineLog = new Map();
  const register = monitor.registerResource.bind(monitor);
  monitor.registerResource = (request, callback) => {
    log.set(`${request.getType()} ${request.getName()}`, {
      dependencies: request.getDependenciesList(),
      inputs: request.getObject()?.toJavaScript() ?? {},
      protect: request.getProtect(),
    });
    return register(request, callback);
  };
  return log;
}

/** The value of an Output, or a rejection after `timeoutMs` (an Output that never resolves). */
export function promiseOf<T>(output: pulumi.Output<T>, timeoutMs = 10_000): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`output did not resolve in ${timeoutMs} ms`)),
      timeoutMs,
    );
    output.apply((value) => {
      clearTimeout(timer);
      resolve(value);
      return value;
    });
  });
}

/** Waits until every registration the program started has reached the mocks. */
export async function settle(): Promise<void> {
  await pulumi.runtime.disconnect();
}
