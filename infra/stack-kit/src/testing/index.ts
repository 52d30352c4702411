export { installMocks, settle, type MockHandlers } from './mock-harness.js';
export { promiseOf } from './promise-of.js';
export { ResourceRecorder, type RecordedResource } from './resource-recorder.js';
export { runStack, type StackRun } from './run-stack.js';
export {
  applyStackConfig,
  cliConfig,
  rawStackConfig,
  readPulumiProject,
  type PulumiProject,
  type StackValues,
} from './stack-config.js';
