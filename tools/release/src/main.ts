import { runMain } from '@platform/cli-shell';
import { runCli } from './cli.js';

await runMain(runCli);
