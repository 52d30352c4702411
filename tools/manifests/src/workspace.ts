import { Catalog } from '@platform/environments';
import type { AppChartClass } from '@platform/workloads';
import { importChart } from './render/import-chart.js';

/**
 * What a render reads besides files: the environments, the apps, and each app's chart class.
 * `openWorkspace` discovers them on disk; tests build one from fixtures.
 */
export interface Workspace {
  readonly root: string;
  readonly catalog: Catalog;
  /** The chart class of one app of the catalog. */
  readonly loadChart: (app: string) => Promise<AppChartClass>;
}

/** The workspace at `root`: its environments, and the apps found under `apps/`. */
export function openWorkspace(root: string): Workspace {
  const catalog = Catalog.discover(root);
  return { root, catalog, loadChart: (app) => importChart(root, catalog.app(app).chart) };
}
