import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  MANIFEST_DIFF_ARTIFACT,
  MANIFEST_DIFF_FILE,
  PREVIEW_ARTIFACT_PREFIX,
  type ReviewRuns,
  type RunSummary,
} from '../review-comment/review-inputs.js';

/**
 * What the review comment builder reads about the runs (tools/ci/src/review-comment), from a
 * GitLab merge-request pipeline: its jobs left their artifacts in the layout `gh run download`
 * gives on GitHub (`ci/manifest-diff/manifest-diff.patch`, `infra/infra-preview-<project>-<stack>/`),
 * and the review-note job, which runs after them, reads how they ended from those files:
 * - ci (the manifest-diff job): done when its patch is there, else failed;
 * - infra (the preview jobs): not run when none ran (no infra change), else done, failed when a
 *   preview's exit code is not 0 or a preview job that started left no outcome.
 */
export function gitlabReviewRuns(directory: string, pipelineUrl: string): ReviewRuns {
  const run = (success: boolean): RunSummary => ({
    status: 'completed',
    conclusion: success ? 'success' : 'failure',
    html_url: pipelineUrl,
    artifacts: [],
  });
  const patch = join(directory, 'ci', MANIFEST_DIFF_ARTIFACT, MANIFEST_DIFF_FILE);
  const infra = join(directory, 'infra');
  if (!existsSync(infra)) return { ci: run(existsSync(patch)), infra: null };
  const entries = readdirSync(infra);
  const started = entries.filter((name) => name.startsWith('started-'));
  const previews = entries.filter((name) => name.startsWith(PREVIEW_ARTIFACT_PREFIX));
  const outcomes = previews.map((name) => {
    const file = join(infra, name, 'outcome.json');
    const outcome = existsSync(file)
      ? (JSON.parse(readFileSync(file, 'utf8')) as {
          environment?: unknown;
          stack?: unknown;
          exitCode?: unknown;
        })
      : {};
    return {
      // An environment's job previews all its stacks (a hub's and its workload clusters').
      environment: outcome.environment ?? outcome.stack,
      exitCode: typeof outcome.exitCode === 'number' ? outcome.exitCode : 1,
    };
  });
  // An environment's job writes `started-<environment>` first, then one folder per program
  // and stack it previews.
  const silent = started.some(
    (name) => !outcomes.some((outcome) => outcome.environment === name.slice('started-'.length)),
  );
  return {
    ci: run(existsSync(patch)),
    infra: run(outcomes.every((outcome) => outcome.exitCode === 0) && !silent),
  };
}
