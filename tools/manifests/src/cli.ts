import {
  commandLine,
  inputErrors,
  rootOption,
  runCommandLine,
  type CliIo,
} from '@platform/cli-shell';
import { Option, type Command } from 'commander';
import { checkFreshness, synth, validateOnDisk, ValidationFailedError } from './pipeline.js';
import { isEmptyDifference } from './render/manifest-tree.js';
import { RENDER_INPUT_ERRORS } from './render-input-errors.js';
import { summaryTable } from './summary-table.js';
import { formatWarning } from './validate/warning.js';
import { openWorkspace, type Workspace } from './workspace.js';
import { findWorkspaceRoot } from './workspace-root.js';

export type { CliIo } from '@platform/cli-shell';

export class StaleManifestsError extends Error {
  override name = 'StaleManifestsError';
}

/** Errors that are the user's input, not a bug: print the message alone. */
const inputMessage = inputErrors(...RENDER_INPUT_ERRORS, StaleManifestsError);

/** Opens the workspace at a root: the real one on disk, or a test's fixture. */
export type WorkspaceOpener = (root: string) => Workspace;

/** The `manifests` command line; `main.ts` runs it against the workspace on disk. */
export function buildCli(io: CliIo, open: WorkspaceOpener = openWorkspace): Command {
  const program = commandLine(
    'manifests',
    'Render every environment to manifests/<env>/<app>/ and validate it offline.',
    io,
  );
  const root = rootOption(program, findWorkspaceRoot);
  const workspace = () => open(root());
  const envOption = () => new Option('--env <names...>', 'only these environments (default: all)');
  const appOption = () =>
    new Option('--app <names...>', "only these apps' directories (default: all)");

  program
    .command('render')
    .description(
      'synth every environment, then print environment → app → image → replicas (npm start)',
    )
    .action(async () => {
      const started = performance.now();
      const result = await synth(workspace());
      io.out(summaryTable(result));
      io.out(
        `\nrendered ${result.files.length} objects for ${result.environments.length} environments in ` +
          `${Math.round(performance.now() - started)} ms: 0 validation problems; ` +
          `${result.written.length === 0 ? 'manifests/ already up to date' : `wrote ${result.written.join(', ')}`}`,
      );
    });

  program
    .command('synth')
    .description('render, validate in memory, then write manifests/<env>/<app>/ atomically')
    .addOption(envOption())
    .addOption(appOption())
    .action(async (options: { env?: string[]; app?: string[] }) => {
      const result = await synth(workspace(), {
        ...(options.env ? { environments: options.env } : {}),
        ...(options.app ? { apps: options.app } : {}),
      });
      const changed =
        result.written.length === 0 ? 'no changes' : `updated ${result.written.join(', ')}`;
      io.out(
        `synth: ${result.files.length} objects, ${changed}${result.removed.length ? `; removed ${result.removed.join(', ')}` : ''}`,
      );
    });

  program
    .command('validate')
    .description(
      'validate the rendered files on disk: schema, unknown fields, Pod Security "restricted", workspace rules, the APIs the target Kubernetes version serves',
    )
    .addOption(envOption())
    .action(async (options: { env?: string[] }) => {
      const opened = workspace();
      options.env?.forEach((name) => opened.catalog.environment(name));
      const { problems, warnings, objects, files } = await validateOnDisk(opened, options.env);
      if (files === 0) throw new ValidationFailedError([]);
      warnings.forEach((warning) => io.err(formatWarning(warning)));
      if (problems.length > 0) throw new ValidationFailedError(problems);
      io.out(`validate: ${objects} objects in ${files} files, 0 problems`);
    });

  program
    .command('check-fresh')
    .description(
      'fail when manifests/ differs from a fresh render (someone edited it, or forgot to synth)',
    )
    .action(async () => {
      const difference = await checkFreshness(workspace());
      if (isEmptyDifference(difference)) {
        io.out('check-fresh: manifests/ matches a fresh render');
        return;
      }
      const lines = [
        ...difference.added.map((f) => `  missing   ${f}`),
        ...difference.changed.map((f) => `  differs   ${f}`),
        ...difference.removed.map((f) => `  stale     ${f}`),
      ];
      throw new StaleManifestsError(
        `manifests/ is out of date; run \`npm run synth\` and commit:\n${lines.join('\n')}`,
      );
    });

  return program;
}

/** Runs the CLI and returns the exit code; every failure prints one clear message. */
export function runCli(
  argv: readonly string[],
  io: CliIo,
  open?: WorkspaceOpener,
): Promise<number> {
  return runCommandLine(buildCli(io, open), argv, io, (error) =>
    error instanceof ValidationFailedError && error.problems.length === 0
      ? 'manifests/ holds no rendered files; run `npm run synth`'
      : inputMessage(error),
  );
}
