export { AppChart } from './app-chart.js';
export type { AppChartClass, AppChartProps, AppSecret } from './app-chart.js';
export { AppConfig } from './config/app-config.js';
export type { AppConfigProps } from './config/app-config.js';
export { InvalidPropError } from './invalid-prop-error.js';
export { MigrationJob, MIGRATION_HOOK_ANNOTATIONS } from './jobs/migration-job.js';
export { ScheduledJob } from './jobs/scheduled-job.js';
export type { JobRunProps, MigrationJobProps, ScheduledJobProps } from './jobs/job-props.js';
export { CONFIG_HASH_ANNOTATION } from './pod/pod-template.js';
export type {
  CidrEgress,
  EgressDestination,
  NamespaceEgress,
  NetworkPort,
} from './pod/egress-props.js';
export type { HttpProbePaths } from './pod/http-serving-props.js';
export type {
  ConfigUse,
  PodProps,
  ResourceBudget,
  SecretEnvReference,
  SecretFileReference,
  SecretReference,
} from './pod/pod-props.js';
export type { ReplicaBounds } from './pod/scaling-props.js';
export { StatefulService } from './stateful/stateful-service.js';
export type { StatefulServiceProps, StatefulStorage } from './stateful/stateful-service-props.js';
export { WebService } from './web-service.js';
export type { HttpRouteProps, WebServiceProps } from './web-service-props.js';
export { Worker } from './worker/worker.js';
export type { ExecHealth, HttpHealth, WorkerProps } from './worker/worker-props.js';
