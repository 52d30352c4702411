import { CatalogError } from '@platform/environments';
import { ImageFileError, ImageStoreError } from '@platform/image-catalog';
import { InvalidImageReferenceError } from '@platform/image-ref';
import {
  findWorkspaceRoot,
  RenderError,
  ValidationFailedError,
  type Workspace,
} from '@platform/manifests';
import { InvalidPropError } from '@platform/workloads';
import { Command, InvalidArgumentError, Option } from 'commander';
import { bump } from './commands/bump.js';
import { diff } from './commands/diff.js';
import { promote } from './commands/promote.js';
import { rollback } from './commands/rollback.js';
import { formatStatus, status } from './commands/status.js';
import type { ChangeResult } from './image-change.js';
import { releaseContext } from './release-context.js';
import { UpstreamCodeChangedError } from './publish.js';
import { ReleaseError } from './release-error.js';

export interface CliIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

const INPUT_ERRORS = [
  CatalogError,
  ImageFileError,
  ImageStoreError,
  InvalidImageReferenceError,
  InvalidPropError,
  ReleaseError,
  RenderError,
  ValidationFailedError,
];

const positiveInteger = (value: string) => {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1)
    throw new InvalidArgumentError('expected a positive integer');
  return parsed;
};

/** The release command line: bump, promote, rollback, status, diff. */
export function buildCli(io: CliIo, open?: (root: string) => Workspace): Command {
  const program = new Command('release')
    .description(
      'Bump, promote and roll back image references through git; never talks to a cluster.',
    )
    .option('--root <dir>', 'workspace root (default: the nearest directory with nx.json)')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.out(s.trimEnd()),
      writeErr: (s) => io.err(s.trimEnd()),
    });
  const context = () =>
    releaseContext(
      program.opts<{ root?: string }>().root ?? findWorkspaceRoot(process.cwd()),
      open,
      io.err,
    );
  const report = (result: ChangeResult & { attempts?: number }) =>
    io.out(
      result.changed
        ? `committed ${result.commit.slice(0, 12)}: ${result.old ?? '(none)'} -> ${result.image}${result.attempts ? ` (pushed, attempt ${result.attempts})` : ''}`
        : `already at ${result.image}: nothing to commit`,
    );
  const delivery = (command: Command) =>
    command
      .option('--push', 'push to the remote branch, retrying when someone pushed first')
      .option('--remote <name>', 'remote to push to', 'origin')
      .option('--branch <name>', 'branch to push to', 'main')
      .addOption(
        new Option('--max-attempts <n>', 'push attempts before giving up')
          .argParser(positiveInteger)
          .default(30),
      );

  delivery(
    program
      .command('bump')
      .description('set the image an app runs in one environment, re-render, validate, commit')
      .requiredOption('--env <env>', 'environment')
      .requiredOption('--app <app>', 'app')
      .option('--image-tag <tag>', 'an immutable tag (never latest)')
      .option('--image-digest <digest>', 'sha256:<64 hex>')
      .option('--repository <repository>', 'image repository (default: the current one)')
      .option(
        '--source-commit <sha>',
        'commit the image was built from (default: $GITHUB_SHA or HEAD)',
      ),
  ).action(async (o: Record<string, unknown>) => {
    report(
      await bump(context(), {
        environment: String(o['env']),
        app: String(o['app']),
        ...pick(o, [
          'imageTag',
          'imageDigest',
          'repository',
          'sourceCommit',
          'remote',
          'branch',
          'maxAttempts',
          'push',
        ]),
      }),
    );
  });

  program
    .command('promote')
    .description('copy the exact image one environment runs to another, re-render, commit')
    .requiredOption('--app <app>', 'app')
    .requiredOption('--from <env>', 'source environment')
    .requiredOption('--to <env>', 'target environment')
    .option('--push', 'push to the remote branch, retrying when someone pushed first')
    .option('--branch <name>', 'commit on this new branch, for a pull request')
    .option('--remote <name>', 'remote to push to', 'origin')
    .addOption(
      new Option('--max-attempts <n>', 'push attempts').argParser(positiveInteger).default(30),
    )
    .action(async (o: Record<string, unknown>) => {
      report(
        await promote(context(), {
          app: String(o['app']),
          from: String(o['from']),
          to: String(o['to']),
          ...pick(o, ['push', 'remote', 'maxAttempts']),
          ...(o['branch'] !== undefined ? { newBranch: String(o['branch']) } : {}),
        }),
      );
    });

  delivery(
    program
      .command('rollback')
      .description(
        'restore an earlier image from the git history of the image file, re-render, commit',
      )
      .requiredOption('--env <env>', 'environment')
      .requiredOption('--app <app>', 'app')
      .addOption(
        new Option('--steps <n>', 'image changes to go back (default 1)').argParser(
          positiveInteger,
        ),
      )
      .option('--to <commit>', 'the image the app ran at this commit'),
  ).action(async (o: Record<string, unknown>) => {
    report(
      await rollback(context(), {
        environment: String(o['env']),
        app: String(o['app']),
        ...pick(o, ['steps', 'to', 'push', 'remote', 'branch', 'maxAttempts']),
      }),
    );
  });

  program
    .command('status')
    .description('environment × app → image reference, and the commit that set it')
    .action(async () => io.out(formatStatus(await status(context()))));

  program
    .command('diff')
    .description('rendered manifest changes between two refs, grouped by environment and app')
    .requiredOption('--base <ref>', 'base ref')
    .option('--head <ref>', 'head ref', 'HEAD')
    .addOption(
      new Option('--format <format>', 'output format')
        .choices(['text', 'markdown'])
        .default('text'),
    )
    .addOption(
      new Option('--max-bytes <n>', 'cut the output to this many bytes')
        .argParser(positiveInteger)
        .default(60_000),
    )
    .action(
      async (o: { base: string; head: string; format: 'text' | 'markdown'; maxBytes: number }) => {
        io.out((await diff(context(), o)).trimEnd());
      },
    );

  return program;
}

function pick(options: Record<string, unknown>, keys: readonly string[]): Record<string, never> {
  return Object.fromEntries(
    keys.filter((key) => options[key] !== undefined).map((key) => [key, options[key]]),
  ) as Record<string, never>;
}

/** The exit code that asks main.ts to run the command again in a fresh process (the branch now holds newer code). */
export const EXIT_RERUN_WITH_NEW_CODE = 75;

/** Runs the CLI; returns the exit code. Every failure prints one clear line. */
export async function runCli(
  argv: readonly string[],
  io: CliIo,
  open?: (root: string) => Workspace,
): Promise<number> {
  try {
    await buildCli(io, open).parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    if (typeof code === 'string' && code.startsWith('commander.'))
      return (error as { exitCode: number }).exitCode;
    if (error instanceof UpstreamCodeChangedError) {
      io.err(`note: ${error.message}`);
      return EXIT_RERUN_WITH_NEW_CODE;
    }
    if (INPUT_ERRORS.some((type) => error instanceof type))
      io.err(`error: ${(error as Error).message}`);
    else
      io.err(
        `unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
    return 1;
  }
}
