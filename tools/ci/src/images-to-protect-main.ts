// Prints `images=<json>` for $GITHUB_OUTPUT: the images the image files changed between two
// commits make an environment run, other than the build environment's (see images-to-protect.ts).
//   npx tsx tools/ci/src/images-to-protect-main.ts --base <sha> --head <sha> --build-environment staging
import { execFileSync } from 'node:child_process';
import { Catalog } from '@platform/environments';
import { Command } from 'commander';
import { imagesToProtect } from './images-to-protect.js';

const options = new Command('images-to-protect')
  .requiredOption('--base <sha>')
  .requiredOption('--head <sha>')
  .requiredOption('--build-environment <name>', 'the environment images are built for')
  .parse()
  .opts<{ base: string; head: string; buildEnvironment: string }>();
const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8' });
const files = git(
  'diff',
  '--name-only',
  '--diff-filter=AM',
  options.base,
  options.head,
  '--',
  'apps/*/deploy/images/*.yaml',
)
  .split('\n')
  .filter(Boolean);
const changed = files.map((file) => ({ file, text: git('show', `${options.head}:${file}`) }));
const catalog = Catalog.discover(process.cwd());
const { images, skipped } = imagesToProtect(changed, catalog.environment(options.buildEnvironment));
for (const reason of skipped) process.stderr.write(`images-to-protect: skipped ${reason}\n`);
process.stdout.write(`images=${JSON.stringify(images)}\n`);
