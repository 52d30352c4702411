// Prints `images=<json>` for $GITHUB_OUTPUT: every image an environment other than the build
// environment runs now, from the image files at this commit (see images-to-protect.ts). All of
// them on every run, not a diff: a run GitHub replaced while it was pending is covered by the
// next, and tagging an image already tagged is a no-op.
//   npx tsx tools/ci/src/protect-images/images-to-protect-main.ts --build-environment staging
import { existsSync, readFileSync } from 'node:fs';
import { Catalog } from '@platform/environments';
import { Command } from 'commander';
import { imagesToProtect } from './images-to-protect.js';

const options = new Command('images-to-protect')
  .requiredOption('--build-environment <name>', 'the environment images are built for')
  .parse()
  .opts<{ buildEnvironment: string }>();
const catalog = Catalog.discover(process.cwd());
const files = catalog.apps.flatMap((app) =>
  catalog.environments
    .map((environment) => app.imageFile(environment.name))
    .filter((file) => existsSync(file)),
);
const changed = files.map((file) => ({ file, text: readFileSync(file, 'utf8') }));
const { images, skipped } = imagesToProtect(changed, catalog.environment(options.buildEnvironment));
for (const reason of skipped) process.stderr.write(`images-to-protect: skipped ${reason}\n`);
process.stdout.write(`images=${JSON.stringify(images)}\n`);
