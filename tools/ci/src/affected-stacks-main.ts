// Prints `programs=<json>` for $GITHUB_OUTPUT: the affected Pulumi programs, in apply order.
//   npx tsx tools/ci/src/affected-stacks-main.ts [--base <sha>] [--head <sha>] [--all]
import { execFileSync } from 'node:child_process';
import { Command } from 'commander';
import { planAffected } from './affected.js';
import { affectedPrograms } from './affected-stacks.js';

const options = new Command('affected-stacks')
  .option('--base <ref>')
  .option('--head <ref>')
  .option('--all', 'every program')
  .parse()
  .opts<{ base?: string; head?: string; all?: boolean }>();
const plan = options.all
  ? undefined
  : planAffected({ targets: ['typecheck'], cwd: process.cwd(), ...options });
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
process.stdout.write(`programs=${JSON.stringify(affectedPrograms(process.cwd(), projects))}\n`);
