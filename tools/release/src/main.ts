import { spawnSync } from 'node:child_process';
import { EXIT_RERUN_WITH_NEW_CODE, runCli } from './cli.js';

const io = {
  out: (line: string) => process.stdout.write(`${line}\n`),
  err: (line: string) => process.stderr.write(`${line}\n`),
};
let code = await runCli(process.argv.slice(2), io);
// Someone pushed code while this bump was retrying: the branch now holds that code, so the
// change is applied again by a fresh process, which renders with it. Once, to avoid a loop.
if (code === EXIT_RERUN_WITH_NEW_CODE && process.env['RELEASE_RERUN'] !== '1') {
  io.err('running again with the new code');
  const rerun = spawnSync(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, RELEASE_RERUN: '1' },
  });
  code = rerun.status ?? 1;
}
process.exitCode = code;
