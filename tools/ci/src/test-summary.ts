import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The part of vitest's JSON report the summary reads. */
interface VitestReport {
  readonly numPassedTests?: number;
  readonly numFailedTests?: number;
}

export interface TestSummary {
  readonly passed: number;
  readonly failed: number;
  readonly reports: readonly string[];
}

const PROJECT_FOLDERS = ['apps', 'libs', 'tools', 'infra'];
const REPORT = 'test-output/vitest-results.json';

/** Sums the vitest JSON reports of every project (`<folder>/<project>/test-output/vitest-results.json`). */
export async function summarizeTests(root: string): Promise<TestSummary> {
  let passed = 0;
  let failed = 0;
  const reports: string[] = [];
  for (const folder of PROJECT_FOLDERS) {
    const projects = await readdir(join(root, folder), { withFileTypes: true }).catch(() => []);
    for (const project of projects.filter((entry) => entry.isDirectory())) {
      const path = `${folder}/${project.name}/${REPORT}`;
      const text = await readFile(join(root, path), 'utf8').catch(() => undefined);
      if (text === undefined) continue;
      const report = JSON.parse(text) as VitestReport;
      passed += report.numPassedTests ?? 0;
      failed += report.numFailedTests ?? 0;
      reports.push(path);
    }
  }
  return { passed, failed, reports };
}

/** The line `.ci/run` ends with. */
export function formatSummary(summary: TestSummary): string {
  return `${summary.passed} passed, ${summary.failed} failed`;
}
