export { appLayout } from './app-layout.js';
export { Catalog, CatalogError } from './catalog.js';
export {
  argoClusterName,
  argoClusterPattern,
  CLUSTER_ROLES,
  clusterAppsDirectory,
  clusterEnvironment,
  clusterOfStack,
  clusterRole,
  CLUSTERS_DIRECTORY,
  clusterStacks,
  clustersWithOwnValues,
  clusterTopology,
  engineClusterStack,
  hasOwnValues,
} from './clusters.js';
export type {
  ClusterRole,
  ClusterStack,
  ClusterTopology,
  ClusterValues,
  EnvironmentCluster,
} from './clusters.js';
export type { CatalogApp } from './catalog.js';
export { defaultRepository, engineOf, GITOPS_ENGINES } from './environment.js';
export type {
  ArgoCdSettings,
  CertificateSettings,
  Environment,
  GitOpsEngine,
  WorkloadSizing,
} from './environment.js';
export { workspaceEnvironments } from './environments.js';
export { workspaceRepository } from './repository.js';
export type { WorkspaceRepository } from './repository.js';
export {
  appNameProblem,
  // The DNS-label rule (defined in @platform/service-contracts), for infra's name checks.
  DNS_LABEL,
  MAX_APP_NAME_LENGTH,
  reservedNameProblem,
  reservedNamespaces,
} from './names.js';
