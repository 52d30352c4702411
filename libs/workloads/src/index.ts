export { InvalidPropError } from './invalid-prop-error.js';
export {
  RESTRICTED_NAMESPACE_LABELS,
  selectorLabels,
  standardLabels,
  versionedLabels,
} from './labels.js';
export { MAX_NAME_LENGTH, resolveWebServiceProps } from './resolve-web-service-props.js';
export type { ResolvedWebServiceProps } from './resolve-web-service-props.js';
export { WebService } from './web-service.js';
export { WebServiceChart } from './web-service-chart.js';
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
