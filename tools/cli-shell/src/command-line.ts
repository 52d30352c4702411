import { Command } from 'commander';
import type { CliIo } from './cli-io.js';

/**
 * A commander program that writes help and usage errors through `io` and throws instead of
 * calling `process.exit`, so `runCommandLine` decides the exit code and tests run it in-process.
 */
export function commandLine(name: string, description: string, io: CliIo): Command {
  return new Command(name)
    .description(description)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.out(text.trimEnd()),
      writeErr: (text) => io.err(text.trimEnd()),
    });
}

/**
 * Adds `--root <dir>` to the program; the returned function answers it, else `nearest` of the
 * current directory. Read it in an action, once commander has parsed the options.
 */
export function rootOption(program: Command, nearest: (cwd: string) => string): () => string {
  program.option('--root <dir>', 'workspace root (default: the nearest directory with nx.json)');
  return () => program.opts<{ root?: string }>().root ?? nearest(process.cwd());
}
