import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { EnvironmentPreview, ReviewInput, WorkflowResult } from './review-comment.js';
import { readStackPreview } from '../infra-preview/stack-preview.js';

/** A workflow run as pr-comment.yml finds it (GitHub's run object, trimmed, and its artifacts). */
export interface RunSummary {
  readonly status: string;
  readonly conclusion: string | null;
  readonly html_url: string;
  readonly artifacts: readonly { readonly id: number; readonly name: string }[];
}

/** The latest run of each workflow for the pull request's head commit; null when there is none. */
export interface ReviewRuns {
  readonly ci: RunSummary | null;
  readonly infra: RunSummary | null;
}

/** ci.yml's artifact and the file in it. */
export const MANIFEST_DIFF_ARTIFACT = 'manifest-diff';
export const MANIFEST_DIFF_FILE = 'manifest-diff.patch';
/** infra.yml's artifacts, one per program and stack: `infra-preview-<project>-<stack>`. */
export const PREVIEW_ARTIFACT_PREFIX = 'infra-preview-';

const read = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8') : '');

function result<T extends object>(
  run: RunSummary | null,
  artifact: string,
  load: () => T | undefined,
): WorkflowResult<T> {
  if (!run) return { state: 'not-run' };
  if (run.status !== 'completed') return { state: 'pending', runUrl: run.html_url };
  const loaded = load();
  if (!loaded)
    return { state: 'missing', runUrl: run.html_url, conclusion: run.conclusion ?? 'unknown' };
  const id = run.artifacts.find((a) => a.name === artifact)?.id;
  return {
    state: 'done',
    runUrl: run.html_url,
    ...(id === undefined ? {} : { artifactUrl: `${run.html_url}/artifacts/${id}` }),
    ...loaded,
  };
}

/**
 * Reads what `gh run download` left in `directory` (`ci/<artifact>/…`, `infra/<artifact>/…`)
 * for the runs in `runs`. Every file is data from pull-request code: it is parsed, never run.
 */
export function readReviewInput(
  directory: string,
  runs: ReviewRuns,
  context: Pick<ReviewInput, 'headSha' | 'environments' | 'productionEnvironments'>,
): ReviewInput {
  const patchFile = join(directory, 'ci', MANIFEST_DIFF_ARTIFACT, MANIFEST_DIFF_FILE);
  const infraDirectory = join(directory, 'infra');
  const previewDirectories = existsSync(infraDirectory)
    ? readdirSync(infraDirectory).filter((name) => name.startsWith(PREVIEW_ARTIFACT_PREFIX))
    : [];
  const previews = (): EnvironmentPreview[] =>
    previewDirectories.sort().map((name) => {
      const folder = join(infraDirectory, name);
      const outcome = JSON.parse(read(join(folder, 'outcome.json')) || '{}') as {
        project?: unknown;
        stack?: unknown;
        environment?: unknown;
        exitCode?: unknown;
      };
      if (typeof outcome.project !== 'string' || typeof outcome.stack !== 'string')
        throw new Error(`${join(folder, 'outcome.json')} names no project and stack`);
      const preview = readStackPreview({
        project: outcome.project,
        stack: outcome.stack,
        exitCode: typeof outcome.exitCode === 'number' ? outcome.exitCode : 1,
        json: read(join(folder, 'preview.json')),
        log: read(join(folder, 'preview.json.stderr')),
      });
      // A run of infra.yml from before stacks named their environment: the stack was it.
      const environment =
        typeof outcome.environment === 'string' ? outcome.environment : outcome.stack;
      return { ...preview, environment };
    });
  return {
    ...context,
    manifests: result(runs.ci, MANIFEST_DIFF_ARTIFACT, () =>
      existsSync(patchFile) ? { patch: read(patchFile) } : undefined,
    ),
    // Previews have one artifact each: the link goes to the run's list of them.
    // A successful run without previews affected no program (or came from a fork, which gets none).
    infra: result(runs.infra, '', () =>
      previewDirectories.length > 0 || runs.infra?.conclusion === 'success'
        ? { previews: previews() }
        : undefined,
    ),
  };
}
