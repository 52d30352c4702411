// Opens or updates the drift issue for one Pulumi project and stack (the scheduled drift check calls it).
//   npx tsx tools/ci/src/infra-preview/drift-issue-main.ts --project infra-cluster --stack staging --preview preview.txt
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { githubClient, isDrift, reportDrift } from './drift-issue.js';

const options = new Command('drift-issue')
  .requiredOption('--project <name>')
  .requiredOption('--stack <name>')
  .requiredOption('--preview <file>', 'file holding the preview output')
  .parse()
  .opts<{ project: string; stack: string; preview: string }>();
const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set (this runs in GitHub Actions)`);
  return value;
};
const preview = readFileSync(options.preview, 'utf8');
if (!isDrift(preview)) {
  process.stderr.write(
    'the preview failed for another reason than drift: no issue filed (see the preview step)\n',
  );
  process.exit(1);
}
const result = await reportDrift(githubClient(env('GITHUB_TOKEN'), process.env['GITHUB_API_URL']), {
  repository: env('GITHUB_REPOSITORY'),
  project: options.project,
  stack: options.stack,
  preview,
  runUrl: `${env('GITHUB_SERVER_URL')}/${env('GITHUB_REPOSITORY')}/actions/runs/${env('GITHUB_RUN_ID')}`,
});
process.stdout.write(`drift issue #${result.number} ${result.action}\n`);
