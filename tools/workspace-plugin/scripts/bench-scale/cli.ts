import { commandLine, inputErrors, runCommandLine, type CliIo } from '@platform/cli-shell';
import { InvalidArgumentError, Option } from 'commander';
import { measure, type Measurement } from './measure.js';
import { formatTable, jsonLine } from './report.js';
import { createScaleWorkspace } from './scale-workspace.js';

/** Builds the workspace of `count` services and measures it; `keep` leaves it on disk. */
export type ScaleBenchmark = (
  count: number,
  options: { readonly keep: boolean; readonly log: (line: string) => void },
) => Promise<Measurement>;

export const scaleBenchmark: ScaleBenchmark = async (count, { keep, log }) => {
  log(`generating ${count} services in a copy of the workspace…`);
  const workspace = await createScaleWorkspace(count);
  try {
    return measure(workspace, log);
  } finally {
    if (keep) log(`kept ${workspace.copy.root} (remote ${workspace.remote})`);
    else workspace.remove();
  }
};

/** Commander's parser for `--services`. */
export function serviceCount(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1)
    throw new InvalidArgumentError(`expected a positive integer, got '${value}'`);
  return parsed;
}

/**
 * `npm run bench:scale -- --services N`: a copy of the workspace with N generated services, then
 * the render, affected and bump figures. Progress goes to stderr; the table and, last, the JSON
 * line to stdout.
 */
export function runBenchCli(
  argv: readonly string[],
  io: CliIo,
  benchmark: ScaleBenchmark = scaleBenchmark,
): Promise<number> {
  const program = commandLine(
    'bench-scale',
    'Generate N services in a temporary copy of the workspace and time render, affected and bump.',
    io,
  )
    .addOption(
      new Option('--services <n>', 'how many services to generate')
        .argParser(serviceCount)
        .makeOptionMandatory(),
    )
    .option('--keep', 'leave the copy and its bare remote on disk, and print where')
    .action(async (options: { services: number; keep?: boolean }) => {
      const { figures } = await benchmark(options.services, {
        keep: options.keep === true,
        log: io.err,
      });
      io.out(formatTable(figures));
      io.out(jsonLine(figures));
    });
  return runCommandLine(program, argv, io, inputErrors());
}
