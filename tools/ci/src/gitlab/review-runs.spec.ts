import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gitlabReviewRuns } from './review-runs.js';

const URL = 'https://gitlab.example/group/project/-/pipelines/7';
const done = (success: boolean) => ({
  status: 'completed',
  conclusion: success ? 'success' : 'failure',
  html_url: URL,
  artifacts: [],
});

/** A directory of artifacts: path → content. */
function artifacts(files: Record<string, string>): string {
  const directory = mkdtempSync(join(tmpdir(), 'review-runs-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(directory, path, '..'), { recursive: true });
    writeFileSync(join(directory, path), content);
  }
  return directory;
}
const PATCH = { 'ci/manifest-diff/manifest-diff.patch': 'diff --git a/x b/x\n' };
const outcome = (project: string, stack: string, exitCode: number) => ({
  [`infra/started-${stack}`]: '',
  [`infra/infra-preview-${project}-${stack}/outcome.json`]: JSON.stringify({
    project,
    stack,
    exitCode,
  }),
});

describe('gitlabReviewRuns', () => {
  it('no infra change: the manifests done, no infra run', () => {
    expect(gitlabReviewRuns(artifacts(PATCH), URL)).toEqual({ ci: done(true), infra: null });
  });

  it('previews that all passed, and one that failed', () => {
    const passed = {
      ...PATCH,
      ...outcome('infra-cluster', 'staging', 0),
      ...outcome('infra-cluster', 'production', 0),
    };
    expect(gitlabReviewRuns(artifacts(passed), URL)).toEqual({ ci: done(true), infra: done(true) });
    const failed = { ...passed, ...outcome('infra-cluster', 'production', 255) };
    expect(gitlabReviewRuns(artifacts(failed), URL).infra).toEqual(done(false));
  });

  it('a preview job that started and left no preview (its role was refused) fails the infra run', () => {
    const files = {
      ...PATCH,
      ...outcome('infra-cluster', 'staging', 0),
      'infra/started-production': '',
    };
    expect(gitlabReviewRuns(artifacts(files), URL).infra).toEqual(done(false));
  });

  it("an environment's job covers all its stacks: a workload cluster's failed preview fails the run", () => {
    const stack = (name: string, exitCode: number) => ({
      [`infra/infra-preview-infra-cluster-${name}/outcome.json`]: JSON.stringify({
        project: 'infra-cluster',
        environment: 'live',
        stack: name,
        exitCode,
      }),
    });
    const files = {
      ...PATCH,
      'infra/started-live': '',
      ...stack('live-hub', 0),
      ...stack('live-east', 0),
    };
    expect(gitlabReviewRuns(artifacts(files), URL).infra).toEqual(done(true));
    expect(gitlabReviewRuns(artifacts({ ...files, ...stack('live-east', 1) }), URL).infra).toEqual(
      done(false),
    );
  });

  it('a manifest-diff job that left no patch failed', () => {
    expect(gitlabReviewRuns(artifacts({ 'ci/.keep': '' }), URL).ci).toEqual(done(false));
  });
});
