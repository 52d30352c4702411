// Prints `images=<json>` for $GITHUB_OUTPUT: the affected apps with a Dockerfile, for the release matrix.
//   npx tsx tools/ci/src/affected/affected-images-main.ts --environment staging [--base <sha>] [--head <sha>]
import { Catalog } from '@platform/environments';
import { execFileSync } from 'node:child_process';
import { Command } from 'commander';
import { planAffected } from './affected.js';
import { imagesToBuild } from './affected-images.js';

const { environment, ...refs } = new Command('affected-images')
  .requiredOption('--environment <name>', 'the environment releases land in')
  .option('--base <ref>')
  .option('--head <ref>')
  .parse()
  .opts<{ environment: string; base?: string; head?: string }>();
const plan = planAffected({ targets: ['build'], cwd: process.cwd(), ...refs });
const args =
  plan.mode === 'affected'
    ? ['show', 'projects', '--affected', `--base=${plan.base}`, `--head=${plan.head}`, '--json']
    : ['show', 'projects', '--json'];
if (plan.mode === 'all')
  process.stderr.write(`affected-images: ${plan.reason}; building every image\n`);
const projects = JSON.parse(execFileSync('npx', ['nx', ...args], { encoding: 'utf8' })) as string[];
process.stdout.write(
  `images=${JSON.stringify(imagesToBuild(process.cwd(), Catalog.discover(process.cwd()), projects, environment))}\n`,
);
