import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FixtureWebChart } from '../testing/fixture-workspace.js';
import { importChart } from './import-chart.js';
import { RenderError } from './render-error.js';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

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
});
