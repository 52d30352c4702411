// Reads `<name>=<json>` (what affected-images-main / affected-stacks-main print) on stdin and
// prints one tab-separated line per entry, for GitLab jobs to loop over.
//   npx tsx tools/ci/src/affected/affected-stacks-main.ts --environment staging | npx tsx tools/ci/src/gitlab/matrix-lines-main.ts --fields dir,name,stack --optional roleArn,region
//   (an absent optional field prints as '-')
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { matrixLines } from './matrix-lines.js';

const { fields, optional } = new Command('matrix-lines')
  .requiredOption('--fields <names>', 'the fields of each entry, comma-separated, in order')
  .option('--optional <names>', "fields after them that an entry may lack ('-' then)", '')
  .parse()
  .opts<{ fields: string; optional: string }>();
try {
  process.stdout.write(
    matrixLines(
      readFileSync(0, 'utf8'),
      fields.split(','),
      optional.split(',').filter((field) => field !== ''),
    ),
  );
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exitCode = 1;
}
