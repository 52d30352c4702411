// `npm run affected -- -t lint test [--base main] [--head HEAD]`: nx affected, or run-many when there is no base commit.
import { spawnSync } from 'node:child_process';
import { Command } from 'commander';
import { planAffected } from './affected.js';

const program = new Command('affected')
  .requiredOption('-t, --targets <targets...>', 'targets to run, e.g. lint typecheck test')
  .option('--base <ref>', 'base commit (default: $NX_BASE or main)')
  .option('--head <ref>', 'head commit (default: $NX_HEAD or HEAD)')
  .allowExcessArguments(true)
  .parse();
const options = program.opts<{ targets: string[]; base?: string; head?: string }>();
const plan = planAffected({ ...options, cwd: process.cwd(), extra: program.args });
process.stderr.write(
  plan.mode === 'affected'
    ? `affected: comparing ${plan.base.slice(0, 12)}..${plan.head.slice(0, 12)}\n`
    : `affected: ${plan.reason}; running every project\n`,
);
const result = spawnSync('npx', ['nx', ...plan.args], { stdio: 'inherit' });
process.exitCode = result.status ?? 1;
