// Prints `programs=<json>` for $GITHUB_OUTPUT: the affected Pulumi programs, in apply order.
//   npx tsx tools/ci/src/affected/affected-stacks-main.ts [--base <sha>] [--head <sha>] [--all] [--exclude infra/x] [--output name]
import { execFileSync } from 'node:child_process';
import { Command } from 'commander';
import { planAffected } from './affected.js';
import { affectedPrograms } from './affected-stacks.js';

const options = new Command('affected-stacks')
  .option('--base <ref>')
  .option('--head <ref>')
  .option('--all', 'every program')
  .option('--exclude <dirs...>', 'leave these program directories out', [])
  .option('--output <name>', 'the output name', 'programs')
  .parse()
  .opts<{ base?: string; head?: string; all?: boolean; exclude: string[]; output: string }>();
const plan = options.all
  ? undefined
  : planAffected({
      targets: ['typecheck'],
      cwd: process.cwd(),
      ...(options.base ? { base: options.base } : {}),
      ...(options.head ? { head: options.head } : {}),
    });
const projects =
  !plan || plan.mode === 'all'
    ? 'all'
    : (JSON.parse(
        execFileSync(
          'npx',
          [
            'nx',
            'show',
            'projects',
            '--affected',
            `--base=${plan.base}`,
            `--head=${plan.head}`,
            '--json',
          ],
          { encoding: 'utf8' },
        ),
      ) as string[]);
const programs = affectedPrograms(process.cwd(), projects).filter(
  (program) => !options.exclude.includes(program.dir),
);
process.stdout.write(`${options.output}=${JSON.stringify(programs)}\n`);
