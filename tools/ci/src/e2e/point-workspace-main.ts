// Points the workspace's repository (libs/environments/src/repository.ts) at a URL and
// revision: the e2e's throwaway branch of this repository, before `npm start` re-renders
// `_platform/` and infra/bootstrap reads the same declaration.
//   npx tsx tools/ci/src/e2e/point-workspace-main.ts --url <clone URL> --revision <branch>
import { Command } from 'commander';
import { readFileSync, writeFileSync } from 'node:fs';
import { pointWorkspace, REPOSITORY_FILE } from './point-workspace.js';

const options = new Command('point-workspace')
  .requiredOption('--url <url>', 'the clone URL, in the form repoAccess needs (https or ssh)')
  .requiredOption('--revision <ref>', 'the branch, tag or commit Argo CD follows')
  .parse()
  .opts<{ url: string; revision: string }>();

const before = readFileSync(REPOSITORY_FILE, 'utf8');
writeFileSync(REPOSITORY_FILE, pointWorkspace(before, options));
process.stdout.write(`${REPOSITORY_FILE}: ${options.url} at ${options.revision}\n`);
