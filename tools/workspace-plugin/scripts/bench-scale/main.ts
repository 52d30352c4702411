// The scale benchmark: npm run bench:scale -- --services N [--keep]
import { runMain } from '@platform/cli-shell';
import { runBenchCli } from './cli.js';

await runMain(runBenchCli);
