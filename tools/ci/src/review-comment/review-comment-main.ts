// Prints the pull request's one review comment (pr-comment.yml posts it), from the artifacts of
// the latest ci and infra runs of its head commit, downloaded into --artifacts.
//   npx tsx tools/ci/src/review-comment/review-comment-main.ts --runs runs.json --artifacts artifacts --head-sha <sha>
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { workspaceEnvironments } from '@platform/environments';
import { buildReviewComment } from './review-comment.js';
import { readReviewInput, type ReviewRuns } from './review-inputs.js';

const options = new Command('review-comment')
  .requiredOption('--runs <file>', 'the latest ci and infra runs of the head commit (JSON)')
  .requiredOption('--artifacts <directory>', 'where their artifacts were downloaded')
  .requiredOption('--head-sha <sha>')
  .parse()
  .opts<{ runs: string; artifacts: string; headSha: string }>();
let runs: ReviewRuns;
try {
  runs = JSON.parse(readFileSync(options.runs, 'utf8')) as ReviewRuns;
} catch (error) {
  process.stderr.write(`review-comment: ${options.runs}: ${(error as Error).message}\n`);
  process.exit(1);
}
const environments = workspaceEnvironments.map((environment) => environment.name);
process.stdout.write(
  buildReviewComment(
    readReviewInput(options.artifacts, runs, {
      headSha: options.headSha,
      environments,
      // The end of the promotion line is production: what its reviewers gate.
      productionEnvironments: environments.slice(-1),
    }),
  ),
);
