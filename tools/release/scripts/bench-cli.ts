// The release CLI against a workspace of N fixture apps (BENCH_APPS), for the benchmark.
import { runCli } from '../src/cli.js';
import { fixtureApps } from '../src/testing/git-fixture.js';

const io = {
  out: (line: string) => process.stdout.write(`${line}\n`),
  err: (line: string) => process.stderr.write(`${line}\n`),
};
process.exitCode = await runCli(
  process.argv.slice(2),
  io,
  fixtureApps(Number(process.env['BENCH_APPS'] ?? '20')),
);
