import { InvalidArgumentError, Option, type Command } from 'commander';
import type { ChangeResult } from './image-change.js';

/** Commander's parser for `--steps`, `--max-attempts` and `--max-bytes`. */
export function positiveInteger(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1)
    throw new InvalidArgumentError('expected a positive integer');
  return parsed;
}

/** `--push` and where to: bump and rollback push to a branch (promote's `--branch` is a new one). */
export function withDelivery(command: Command): Command {
  return command
    .option('--push', 'push to the remote branch, retrying when someone pushed first')
    .option('--remote <name>', 'remote to push to', 'origin')
    .option('--branch <name>', 'branch to push to', 'main')
    .addOption(
      new Option('--max-attempts <n>', 'push attempts before giving up')
        .argParser(positiveInteger)
        .default(30),
    );
}

/** The options among `keys` the user gave or that have a default, for a command's own options type. */
export function pick(
  options: Record<string, unknown>,
  keys: readonly string[],
): Record<string, never> {
  return Object.fromEntries(
    keys.filter((key) => options[key] !== undefined).map((key) => [key, options[key]]),
  ) as Record<string, never>;
}

/** The one line a change prints: what it committed (and pushed), or that there was nothing to do. */
export function changeLine(result: ChangeResult & { attempts?: number }): string {
  return result.changed
    ? `committed ${result.commit.slice(0, 12)}: ${result.old ?? '(none)'} -> ${result.image}${result.attempts ? ` (pushed, attempt ${result.attempts})` : ''}`
    : `already at ${result.image}: nothing to commit`;
}
