// A job as a process, for run-job.spec.ts: it succeeds, or fails when FIXTURE_JOB=fail.
import { runJob } from '../run-job.js';

await runJob({
  name: 'fixture-job',
  run: async ({ logger }) => {
    if (process.env['FIXTURE_JOB'] === 'fail') throw new Error('the report source is gone');
    logger.info({ rows: 3 }, 'report written');
    await Promise.resolve();
  },
});
