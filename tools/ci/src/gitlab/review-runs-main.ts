// Prints runs.json for review-comment-main.ts from what a GitLab merge-request pipeline's jobs
// left in --artifacts (the review-note job of .gitlab-ci.yml).
//   npx tsx tools/ci/src/gitlab/review-runs-main.ts --artifacts review --pipeline-url "$CI_PIPELINE_URL"
import { Command } from 'commander';
import { gitlabReviewRuns } from './review-runs.js';

const options = new Command('review-runs')
  .requiredOption('--artifacts <directory>', 'where the jobs left their artifacts')
  .requiredOption('--pipeline-url <url>', 'the pipeline, linked from the comment')
  .parse()
  .opts<{ artifacts: string; pipelineUrl: string }>();
process.stdout.write(
  `${JSON.stringify(gitlabReviewRuns(options.artifacts, options.pipelineUrl), null, 2)}\n`,
);
