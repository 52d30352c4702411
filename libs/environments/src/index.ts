export { APPS_DIRECTORY, appLayout } from './app-layout.js';
export { Catalog, CatalogError } from './catalog.js';
export type { CatalogApp } from './catalog.js';
export { discoverApps } from './discover-apps.js';
export { defaultRepository } from './environment.js';
export type { Environment, EnvironmentGateway, WorkloadSizing } from './environment.js';
export { workspaceEnvironments } from './environments.js';
export {
  appNameProblem,
  DNS_LABEL,
  MAX_APP_NAME_LENGTH,
  PLATFORM_NAMESPACES,
  reservedNameProblem,
  reservedNamespaces,
} from './names.js';
