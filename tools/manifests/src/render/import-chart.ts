import { importWorkspaceModule } from '@platform/cli-shell';
import { AppChart, type AppChartClass } from '@platform/workloads';
import { join } from 'node:path';
import { RenderError } from './render-error.js';

/**
 * Imports an app's chart module (TypeScript: bundled by workspace-cli, or through tsx or
 * Vitest) and returns its default export, which must be a class extending AppChart. Only the
 * apps being rendered are imported, so re-rendering one app costs one app.
 */
export async function importChart(root: string, chartFile: string): Promise<AppChartClass> {
  let module: { default?: unknown };
  try {
    module = (await importWorkspaceModule(join(root, chartFile))) as typeof module;
  } catch (error) {
    // workspace-cli could not bundle the chart (a syntax error, an import that does not
    // resolve): its message names the file and line, the user's input, not a bug.
    if (error instanceof Error && error.name === 'LauncherError')
      throw new RenderError(error.message, { cause: error });
    throw error;
  }
  const chart = module.default;
  // Through the prototype chain: cdk8s overrides `instanceof` for charts (Symbol.hasInstance).
  if (
    typeof chart !== 'function' ||
    !Object.prototype.isPrototypeOf.call(AppChart.prototype, chart.prototype)
  ) {
    throw new RenderError(
      `${chartFile}: its default export must be a class extending AppChart from @platform/workloads ` +
        '(export default class MyChart extends AppChart { … })',
    );
  }
  return chart as AppChartClass;
}
