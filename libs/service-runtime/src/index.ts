export { ConfigError, loadConfig } from './config.js';
export type { Config } from './config.js';
export { createApp } from './create-app.js';
export { HttpError } from './http-error.js';
export { jsonBody } from './json-body.js';
export type { JsonBodyOptions } from './json-body.js';
export { Lifecycle } from './lifecycle.js';
export { Metrics } from './metrics.js';
export type {
  Route,
  ServiceContext,
  ServiceDefinition,
  ServiceInfo,
  WorkContext,
} from './service-definition.js';
export { runJob } from './run-job.js';
export type { JobContext, JobDefinition } from './run-job.js';
export { startService } from './start-service.js';
