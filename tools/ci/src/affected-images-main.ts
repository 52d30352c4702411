// Prints `images=<json>` for $GITHUB_OUTPUT: the affected apps with a Dockerfile, for the release matrix.
//   npx tsx tools/ci/src/affected-images-main.ts [--base <sha>] [--head <sha>]
import { workspaceCatalog } from '@platform/environments';
import { execFileSync } from 'node:child_process';
import { Command } from 'commander';
import { planAffected } from './affected.js';
import { imagesToBuild } from './affected-images.js';

const options = new Command('affected-images')
  .option('--base <ref>')
  .option('--head <ref>')
  .parse()
  .opts<{ base?: string; head?: string }>();
const plan = planAffected({ targets: ['build'], cwd: process.cwd(), ...options });
const args =
  plan.mode === 'affected'
    ? ['show', 'projects', '--affected', `--base=${plan.base}`, `--head=${plan.head}`, '--json']
    : ['show', 'projects', '--json'];
if (plan.mode === 'all')
  process.stderr.write(`affected-images: ${plan.reason}; building every image\n`);
const projects = JSON.parse(execFileSync('npx', ['nx', ...args], { encoding: 'utf8' })) as string[];
process.stdout.write(
  `images=${JSON.stringify(imagesToBuild(process.cwd(), workspaceCatalog, projects))}\n`,
);
