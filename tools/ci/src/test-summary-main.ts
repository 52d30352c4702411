// Prints `N passed, M failed` from every project's vitest JSON report (the last line of .ci/run).
import { formatSummary, summarizeTests } from './test-summary.js';

const summary = await summarizeTests(process.cwd());
if (summary.reports.length === 0) {
  process.stderr.write('test-summary: no vitest reports found (did the tests run?)\n');
}
process.stdout.write(`${formatSummary(summary)}\n`);
process.exitCode = summary.failed > 0 || summary.reports.length === 0 ? 1 : 0;
