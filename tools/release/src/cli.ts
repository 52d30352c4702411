import {
  commandLine,
  inputErrors,
  rootOption,
  runCommandLine,
  type CliIo,
} from '@platform/cli-shell';
import { findWorkspaceRoot, RENDER_INPUT_ERRORS, type Workspace } from '@platform/manifests';
import { Option, type Command } from 'commander';
import { changeLine, pick, positiveInteger, withDelivery } from './cli-options.js';
import { bump } from './commands/bump.js';
import { diff } from './commands/diff.js';
import { promote } from './commands/promote.js';
import { rollback } from './commands/rollback.js';
import { formatStatus, status } from './commands/status.js';
import { releaseContext } from './release-context.js';
import { ReleaseError } from './release-error.js';

export type { CliIo } from '@platform/cli-shell';

/** Errors that are the user's input, not a bug: print the message alone. */
const inputMessage = inputErrors(...RENDER_INPUT_ERRORS, ReleaseError);

/** The release command line: bump, promote, rollback, status, diff. */
export function buildCli(io: CliIo, open?: (root: string) => Workspace): Command {
  const program = commandLine(
    'release',
    'Bump, promote and roll back image references through git; never talks to a cluster.',
    io,
  );
  const root = rootOption(program, findWorkspaceRoot);
  const context = () => releaseContext(root(), open, io.err);
  const report = (result: Parameters<typeof changeLine>[0]) => io.out(changeLine(result));

  withDelivery(
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

  withDelivery(
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

/** Runs the CLI; returns the exit code. Every failure prints one clear line. */
export function runCli(
  argv: readonly string[],
  io: CliIo,
  open?: (root: string) => Workspace,
): Promise<number> {
  return runCommandLine(buildCli(io, open), argv, io, inputMessage);
}
