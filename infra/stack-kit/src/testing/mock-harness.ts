import * as pulumi from '@pulumi/pulumi';
import { ResourceRecorder } from './resource-recorder.js';

/**
 * What one program's fake cloud answers. `newResource` returns the engine's reply for the
 * resource types it models and undefined for the rest (then: its inputs, and an id if custom);
 * `call` answers invokes (unset: every invoke fails the run, the programs call none).
 */
export interface MockHandlers {
  newResource?(
    args: pulumi.runtime.MockResourceArgs,
  ): pulumi.runtime.MockResourceResult | undefined;
  call?(args: pulumi.runtime.MockCallArgs): pulumi.runtime.MockCallResult;
}

/** A registration as the engine receives it, before the mocks see it. */
export interface EngineRequest {
  /** URNs this resource waits for: explicit dependsOn and the resources its inputs come from. */
  readonly dependencies: readonly string[];
  /** The serialized inputs: a nested secret is wrapped where it sits, not lifted to its property. */
  readonly inputs: any;
  /** Whether the resource is protected from deletion (the `protect` option). */
  readonly protect: boolean;
  /** The input properties whose changes the engine ignores (the `ignoreChanges` option). */
  readonly ignoreChanges: readonly string[];
  /** Whether deleting the resource leaves it in the cloud (the `retainOnDelete` option). */
  readonly retainOnDelete: boolean;
}

export interface MockedDeployment {
  readonly recorder: ResourceRecorder;
  /** Registrations keyed `type name`. */
  readonly engine: Map<string, EngineRequest>;
}

interface RegisterRequest {
  getType(): string;
  getName(): string;
  getDependenciesList(): string[];
  getProtect(): boolean;
  getIgnorechangesList(): string[];
  getRetainondelete(): boolean | undefined;
  getObject(): { toJavaScript(): unknown } | undefined;
}

/**
 * Installs fresh mocks (preview off, so outputs resolve) for `project`/`stack`, recording every
 * resource and invoke, and each registration as the engine would receive it.
 */
export async function installMocks(
  project: string,
  stack: string,
  handlers: MockHandlers = {},
  /** `pulumi.getOrganization()` (StackReference names); the name a self-managed backend uses. */
  organization = 'organization',
): Promise<MockedDeployment> {
  const recorder = new ResourceRecorder();
  const mocks: pulumi.runtime.Mocks = {
    newResource(args) {
      const result = handlers.newResource?.(args) ?? {
        id: args.custom ? `${args.name}-id` : undefined,
        state: args.inputs,
      };
      recorder.record(args, result.state ?? {});
      return result;
    },
    call(args) {
      recorder.invokes.push({ token: args.token, inputs: args.inputs });
      if (handlers.call) return handlers.call(args);
      throw new Error(`unexpected call to ${args.token}: the program should need no data source`);
    },
  };
  await pulumi.runtime.setMocks(mocks, project, stack, false, organization);
  const monitor = pulumi.runtime.getMonitor() as unknown as {
    registerResource(request: RegisterRequest, callback: unknown): unknown;
  };
  const engine = new Map<string, EngineRequest>();
  const register = monitor.registerResource.bind(monitor);
  monitor.registerResource = (request, callback) => {
    engine.set(`${request.getType()} ${request.getName()}`, {
      dependencies: request.getDependenciesList(),
      inputs: request.getObject()?.toJavaScript() ?? {},
      protect: request.getProtect(),
      ignoreChanges: request.getIgnorechangesList(),
      retainOnDelete: request.getRetainondelete() ?? false,
    });
    return register(request, callback);
  };
  return { recorder, engine };
}

/** Waits until every registration the program started has reached the mocks. */
export async function settle(): Promise<void> {
  await pulumi.runtime.disconnect();
}
