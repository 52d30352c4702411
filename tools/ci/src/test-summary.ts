import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The part of vitest's JSON report the summary reads. */
interface VitestReport {
  readonly numPassedTests?: number;
  readonly numFailedTests?: number;
  /** A spec file that fails to load fails its suite without failing a test. */
  readonly numFailedTestSuites?: number;
}

export interface TestSummary {
  readonly passed: number;
  /** Failed tests, plus suites that failed with no test failing (a spec that did not load). */
  readonly failed: number;
  readonly reports: readonly string[];
  /** Projects with a vitest config but no report: their tests did not run. */
  readonly missing: readonly string[];
}

const PROJECT_FOLDERS = ['apps', 'libs', 'tools', 'infra'];
const REPORT = 'test-output/vitest-results.json';

/** Sums the vitest JSON reports of every project (`<folder>/<project>/test-output/vitest-results.json`). */
export async function summarizeTests(root: string): Promise<TestSummary> {
  let passed = 0;
  let failed = 0;
  const reports: string[] = [];
  const missing: string[] = [];
  for (const folder of PROJECT_FOLDERS) {
    const projects = await readdir(join(root, folder), { withFileTypes: true }).catch(() => []);
    for (const project of projects.filter((entry) => entry.isDirectory())) {
      const path = `${folder}/${project.name}/${REPORT}`;
      const text = await readFile(join(root, path), 'utf8').catch(() => undefined);
      if (text === undefined) {
        const hasTests = await readFile(join(root, folder, project.name, 'vitest.config.mts')).then(
          () => true,
          () => false,
        );
        if (hasTests) missing.push(`${folder}/${project.name}`);
        continue;
      }
      const report = JSON.parse(text) as VitestReport;
      passed += report.numPassedTests ?? 0;
      const failedTests = report.numFailedTests ?? 0;
      failed += failedTests > 0 ? failedTests : (report.numFailedTestSuites ?? 0);
      reports.push(path);
    }
  }
  return { passed, failed, reports, missing };
}

/** The line `.ci/run` ends with; a project whose tests did not run counts as one failure. */
export function formatSummary(summary: TestSummary): string {
  return `${summary.passed} passed, ${summary.failed + summary.missing.length} failed`;
}
