export { AppChart } from './app-chart.js';
export type { AppChartClass, AppChartProps } from './app-chart.js';
export { InvalidPropError } from './invalid-prop-error.js';
export { WebService } from './web-service.js';
export type {
  CidrEgress,
  EgressDestination,
  HttpProbePaths,
  NamespaceEgress,
  NetworkPort,
  ReplicaBounds,
  ResourceBudget,
  WebServiceProps,
} from './web-service-props.js';
