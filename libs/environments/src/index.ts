export { appName } from './app.js';
export type { App, AppEgress, AppPort } from './app.js';
export { apps } from './apps.js';
export { Catalog, CatalogError, workspaceCatalog } from './catalog.js';
export { sizingFor } from './environment.js';
export type { Environment, WorkloadSizing, WorkloadSizingOverride } from './environment.js';
export { environments } from './environments.js';
