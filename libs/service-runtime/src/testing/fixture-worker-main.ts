// A worker as a process, for start-service.spec.ts: it counts ticks until told to stop, or
// fails at once when FIXTURE_WORK=fail.
import { setTimeout as sleep } from 'node:timers/promises';
import { startService } from '../start-service.js';

await startService({
  name: 'fixture-worker',
  routes: () => [],
  work: async ({ logger, signal }) => {
    if (process.env['FIXTURE_WORK'] === 'fail') throw new Error('the queue is gone');
    let ticks = 0;
    while (!signal.aborted) {
      ticks += 1;
      await sleep(20, undefined, { signal }).catch(() => undefined);
    }
    // What a consumer does on stop: finish the message it holds, then return.
    await sleep(50);
    logger.info({ ticks }, 'work: stopped');
  },
});
