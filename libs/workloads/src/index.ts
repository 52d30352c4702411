// What other projects import: the base of every app's chart, and the error a chart's test expects.
export { AppChart } from './app-chart.js';
export type { AppChartClass, AppChartProps, AppSecret } from './app-chart.js';
export { InvalidPropError } from './invalid-prop-error.js';
// The constructs a chart builds with (apps/*/deploy, the service generator's templates), each
// with its readonly props type: a construct's props are part of its API (cdk8s/jsii), and a
// team types its own wrappers with them (nested types through `WebServiceProps['route']`).
export { AppConfig } from './config/app-config.js';
export type { AppConfigProps } from './config/app-config.js';
export { MigrationJob } from './jobs/migration-job.js';
export { ScheduledJob } from './jobs/scheduled-job.js';
export type { MigrationJobProps, ScheduledJobProps } from './jobs/job-props.js';
export { StatefulService } from './stateful/stateful-service.js';
export type { StatefulServiceProps } from './stateful/stateful-service-props.js';
export { WebService } from './web-service.js';
export type { WebServiceProps } from './web-service-props.js';
export { Worker } from './worker/worker.js';
export type { WorkerProps } from './worker/worker-props.js';
