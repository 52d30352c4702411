// What an app's service imports (apps/*/src and the service generator's templates): the way it
// starts (startService, runJob), the types it is written against, and the HTTP helpers.
export { HttpError } from './http-error.js';
export { jsonBody } from './json-body.js';
export type {
  Route,
  ServiceContext,
  ServiceDefinition,
  WorkContext,
} from './service-definition.js';
export { runJob } from './run-job.js';
export type { JobContext, JobDefinition } from './run-job.js';
export { startService } from './start-service.js';
