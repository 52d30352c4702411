export { AppChart } from './app-chart.js';
export type { AppChartClass, AppChartProps, AppSecret } from './app-chart.js';
export { AppConfig } from './config/app-config.js';
export type { AppConfigProps } from './config/app-config.js';
export { InvalidPropError } from './invalid-prop-error.js';
export { MigrationJob, MIGRATION_HOOK_ANNOTATIONS } from './jobs/migration-job.js';
export { ScheduledJob } from './jobs/scheduled-job.js';
export type { JobRunProps, MigrationJobProps, ScheduledJobProps } from './jobs/job-props.js';
export { CONFIG_HASH_ANNOTATION } from './pod/pod-builder.js';
export type {
  CidrEgress,
  ConfigUse,
  EgressDestination,
  NamespaceEgress,
  NetworkPort,
  PodProps,
  ResourceBudget,
  SecretEnvReference,
  SecretFileReference,
  SecretReference,
} from './pod/pod-props.js';
export { StatefulService } from './stateful/stateful-service.js';
export type { StatefulServiceProps, StatefulStorage } from './stateful/stateful-service-props.js';
export { WebService } from './web-service.js';
export type {
  HttpProbePaths,
  HttpRouteProps,
  ReplicaBounds,
  WebServiceProps,
} from './web-service-props.js';
export { Worker } from './worker/worker.js';
export type { ExecHealth, HttpHealth, WorkerProps } from './worker/worker-props.js';
