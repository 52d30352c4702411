import { LAUNCHER_KEY } from '@platform/cli-shell';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { FixtureWebChart } from '../testing/fixture-workspace.js';
import { importChart } from './import-chart.js';
import { RenderError } from './render-error.js';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

/** Where workspace-cli publishes its runtime. */
const LAUNCHER = Symbol.for(LAUNCHER_KEY);
afterEach(() => {
  Reflect.deleteProperty(globalThis, LAUNCHER);
});

describe('importChart', () => {
  it("returns the chart module's default export, an AppChart class", async () => {
    expect(await importChart(projectRoot, 'src/testing/charts/web-chart.ts')).toBe(FixtureWebChart);
  });

  it('refuses a module whose default export is not an AppChart, naming the file', async () => {
    await expect(importChart(projectRoot, 'src/testing/charts/not-a-chart.ts')).rejects.toThrow(
      new RenderError(
        'src/testing/charts/not-a-chart.ts: its default export must be a class extending AppChart from @platform/workloads ' +
          '(export default class MyChart extends AppChart { … })',
      ),
    );
  });

  it("reports a chart workspace-cli cannot bundle as a render error, with the launcher's message", async () => {
    const message =
      'cannot bundle apps/web/deploy/src/chart.ts:\napps/web/deploy/src/chart.ts:3:7: Unexpected ";"';
    Reflect.set(globalThis, LAUNCHER, {
      importModules: () =>
        Promise.reject(Object.assign(new Error(message), { name: 'LauncherError' })),
    });
    await expect(importChart(projectRoot, 'src/testing/charts/web-chart.ts')).rejects.toThrow(
      new RenderError(message),
    );
  });
});
