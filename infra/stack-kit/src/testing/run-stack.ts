import { applyStackConfig, type PulumiProject, type StackValues } from './stack-config.js';
import { installMocks, settle, type MockHandlers, type MockedDeployment } from './mock-harness.js';

export interface StackRunOptions<T> {
  readonly project: PulumiProject;
  readonly stack: string;
  readonly values: StackValues;
  /** The keys set with `--secret`. */
  readonly secretKeys?: readonly string[];
  readonly handlers?: MockHandlers;
  /** Imports and runs the program (after the mocks, as Pulumi requires), returning its outputs. */
  readonly program: () => T | Promise<T>;
}

export interface StackRun<T> extends MockedDeployment {
  readonly outputs: T;
}

/**
 * One run of a program as `pulumi up` would make it, without the CLI: the stack's config (with
 * Pulumi.yaml's defaults) set, fresh mocks installed, the program run, every registration awaited.
 */
export async function runStack<T>(options: StackRunOptions<T>): Promise<StackRun<T>> {
  applyStackConfig(options.project, options.values, options.secretKeys);
  const deployment = await installMocks(options.project.name, options.stack, options.handlers);
  const outputs = await options.program();
  await settle();
  return { ...deployment, outputs };
}
