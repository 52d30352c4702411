import type { Command } from 'commander';
import { processIo, type CliIo } from './cli-io.js';

/**
 * What a command line exits with. Commander's own exits keep their code (0 after `--help`,
 * 1 for a usage error).
 */
export const EXIT = {
  /** The command did what it was asked. */
  ok: 0,
  /** Bad input, a refused state or a bug; stderr says which, in one message. */
  failed: 1,
} as const;

/** The message to print for an error that is the user's input, not a bug; undefined for a bug. */
export type InputErrorMessage = (error: unknown) => string | undefined;

type ErrorClass = abstract new (...args: never[]) => Error;

/** Errors of these classes are the user's input: their message alone says what to do. */
export function inputErrors(...classes: readonly ErrorClass[]): InputErrorMessage {
  return (error) =>
    classes.some((type) => error instanceof type) ? (error as Error).message : undefined;
}

/**
 * Parses `argv` (the arguments after the program's name) and runs the matching action; returns
 * the exit code. Every failure prints one line on `io.err`: `error: <message>` for an input
 * error, `unexpected error: <stack>` for anything else (a bug: the stack says where).
 */
export async function runCommandLine(
  program: Command,
  argv: readonly string[],
  io: CliIo,
  inputMessage: InputErrorMessage,
): Promise<number> {
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    if (isCommanderExit(error)) return error.exitCode;
    const message = inputMessage(error);
    if (message !== undefined) io.err(`error: ${message}`);
    else
      io.err(
        `unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
    return EXIT.failed;
  }
}

/** Runs a command line on the process's arguments and streams: the whole of a `main.ts`. */
export async function runMain(
  run: (argv: readonly string[], io: CliIo) => Promise<number>,
): Promise<void> {
  process.exitCode = await run(process.argv.slice(2), processIo);
}

/** Commander already printed its message (help, version, usage error); only its code is left. */
function isCommanderExit(error: unknown): error is { exitCode: number } {
  return (
    typeof error === 'object' &&
    error !== null &&
    String((error as { code?: unknown }).code).startsWith('commander.') &&
    typeof (error as { exitCode?: unknown }).exitCode === 'number'
  );
}
