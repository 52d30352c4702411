import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatSummary, summarizeTests } from './test-summary.js';

let root: string;
const report = async (project: string, passed: number, failed: number) => {
  await mkdir(join(root, project, 'test-output'), { recursive: true });
  await writeFile(
    join(root, project, 'test-output/vitest-results.json'),
    JSON.stringify({ numPassedTests: passed, numFailedTests: failed }),
  );
};

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'summary-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('summarizeTests', () => {
  it('sums the passed and failed counts of every project report', async () => {
    await report('libs/a', 10, 0);
    await report('tools/b', 5, 2);
    await report('apps/c', 1, 0);
    const summary = await summarizeTests(root);
    expect(formatSummary(summary)).toBe('16 passed, 2 failed');
    expect(summary.reports).toHaveLength(3);
  });

  it('finds no reports in an empty workspace', async () => {
    expect(await summarizeTests(root)).toEqual({ passed: 0, failed: 0, reports: [], missing: [] });
  });

  it('counts a suite that failed to load, where no test failed', async () => {
    await mkdir(join(root, 'libs/a/test-output'), { recursive: true });
    await writeFile(
      join(root, 'libs/a/test-output/vitest-results.json'),
      JSON.stringify({ numPassedTests: 3, numFailedTests: 0, numFailedTestSuites: 1 }),
    );
    expect(formatSummary(await summarizeTests(root))).toBe('3 passed, 1 failed');
  });

  it('counts a project with tests but no report as a failure', async () => {
    await report('libs/a', 2, 0);
    await mkdir(join(root, 'libs/b'), { recursive: true });
    await writeFile(join(root, 'libs/b/vitest.config.mts'), 'export default {};\n');
    const summary = await summarizeTests(root);
    expect(summary.missing).toEqual(['libs/b']);
    expect(formatSummary(summary)).toBe('2 passed, 1 failed');
  });
});
