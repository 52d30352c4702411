// The release CLI against a synthetic catalog of N apps (BENCH_APPS), for the benchmark.
import { runCli } from '../src/cli.js';
import { testCatalog } from '../src/testing/git-fixture.js';

const io = {
  out: (line: string) => process.stdout.write(`${line}\n`),
  err: (line: string) => process.stderr.write(`${line}\n`),
};
process.exitCode = await runCli(
  process.argv.slice(2),
  io,
  testCatalog(Number(process.env['BENCH_APPS'] ?? '20')),
);
