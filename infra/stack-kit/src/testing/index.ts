export {
  installMocks,
  settle,
  type EngineRequest,
  type MockHandlers,
  type MockedDeployment,
} from './mock-harness.js';
export { promiseOf } from './promise-of.js';
export { ResourceRecorder, type RecordedResource } from './resource-recorder.js';
export { runStack, type StackRun, type StackRunOptions } from './run-stack.js';
export {
  applyStackConfig,
  cliConfig,
  rawStackConfig,
  readPulumiProject,
  type PulumiProject,
  type StackValues,
} from './stack-config.js';
