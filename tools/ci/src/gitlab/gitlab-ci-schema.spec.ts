import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WORKSPACE_ROOT } from '../workflow-checks/testing/run-workflow-step.js';
import { checkGitlabCi, listGitlabJobs } from './gitlab-ci-schema.js';

const PIPELINE = join(WORKSPACE_ROOT, '.gitlab-ci.yml');
const pipeline = readFileSync(PIPELINE, 'utf8');
/** One gitlab-ci-local run takes 1–5 s (a Node process that loads a 1 MB bundle and the schema). */
const SLOW = { timeout: 60_000 };

/** The pipeline with one change, in a file of its own. */
function variant(from: string, to: string): string {
  if (!pipeline.includes(from)) throw new Error(`the pipeline has no '${from}' to change`);
  const file = join(mkdtempSync(join(tmpdir(), 'gitlab-ci-variant-')), '.gitlab-ci.yml');
  writeFileSync(file, pipeline.replace(from, to));
  return file;
}

describe('.gitlab-ci.yml', SLOW, () => {
  it('is valid against GitLab’s CI schema (gitlab-ci-local’s) and gitlab-ci-local’s checks', () => {
    const check = checkGitlabCi(PIPELINE);
    expect(check.output).not.toContain('Invalid');
    expect(check.valid).toBe(true);
  });

  it('includes nothing remote, so the check runs offline and sees the whole pipeline', () => {
    // (A top-level key: `include:` at the start of a line.)
    expect(pipeline).not.toMatch(/^include:/m);
  });
});

describe('checkGitlabCi refuses a broken pipeline, naming the problem', SLOW, () => {
  it.each([
    [
      'an unknown job key',
      '  stage: check\n  script:\n',
      '  stage: check\n  scripts: []\n  script:\n',
      "'scripts' property is not expected to be here",
    ],
    [
      'a `when` GitLab does not know',
      'when: manual',
      'when: by-hand',
      "'when' property must be one of",
    ],
    [
      'an ID token without its audience',
      'aud: sts.amazonaws.com',
      'audience: sts.amazonaws.com',
      'aud',
    ],
    [
      'an environment action GitLab does not know',
      '    deployment_tier: production\n',
      '    deployment_tier: production\n    action: deploy\n',
      "'action' property must be one of",
    ],
  ])('%s', (_name, from, to, problem) => {
    const check = checkGitlabCi(variant(from, to));
    expect(check.valid).toBe(false);
    expect(check.output).toContain('Invalid .gitlab-ci.yml configuration');
    expect(check.output).toContain(problem);
  });

  it('a job that needs a job the pipeline does not have', () => {
    const check = checkGitlabCi(
      variant('    - image-build\n  interruptible', '    - image-built\n  interruptible'),
    );
    expect(check.valid).toBe(false);
    expect(check.output).toContain('image-built');
  });
});

describe('which jobs run where (the jobs’ rules, as gitlab-ci-local evaluates them)', SLOW, () => {
  const running = (variables: Record<string, string>) =>
    listGitlabJobs(PIPELINE, variables)
      .filter((job) => job.when !== 'never')
      .map((job) => `${job.name}: ${job.when}${job.allow_failure ? ' (may fail)' : ''}`);

  it('a merge request checks, renders, previews and posts the note: no image, bump or up', () => {
    expect(
      running({
        CI_PIPELINE_SOURCE: 'merge_request_event',
        CI_MERGE_REQUEST_IID: '3',
        CI_COMMIT_BRANCH: '',
      }),
    ).toEqual([
      'check: on_success',
      'manifest-diff: on_success',
      'plan: on_success',
      'preview: [staging]: on_success',
      'preview: [production]: on_success',
      'review-note: always',
    ]);
  });

  it('the default branch builds, pushes, bumps, ups staging, and waits for production by hand', () => {
    expect(
      running({
        CI_PIPELINE_SOURCE: 'push',
        CI_COMMIT_BRANCH: 'main',
        CI_DEFAULT_BRANCH: 'main',
      }),
    ).toEqual([
      'check: on_success',
      'plan: on_success',
      'image-build: on_success',
      'image-push: on_success',
      'bump: on_success',
      'up-staging: on_success',
      'up-production: manual',
    ]);
  });
});
