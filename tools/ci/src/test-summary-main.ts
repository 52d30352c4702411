// Prints `N passed, M failed` from every project's vitest JSON report (the last line of .ci/run).
import { formatSummary, summarizeTests } from './test-summary.js';

const summary = await summarizeTests(process.cwd());
for (const project of summary.missing)
  process.stderr.write(`test-summary: ${project} has tests but no report: they did not run\n`);
process.stdout.write(`${formatSummary(summary)}\n`);
process.exitCode =
  summary.failed > 0 || summary.missing.length > 0 || summary.reports.length === 0 ? 1 : 0;
