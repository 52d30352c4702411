import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { WORKSPACE_ROOT } from '../workflow-checks/testing/run-workflow-step.js';
import { expandGitlabCi, listGitlabJobs } from './gitlab-ci-schema.js';

/**
 * The pipeline's own rules about credentials, checked on the file as GitLab expands it (the
 * counterpart of workflow-rules.ts for .github/workflows).
 */
interface Job {
  readonly script?: string[];
  readonly before_script?: string[];
  readonly variables?: Record<string, string>;
  readonly id_tokens?: Record<string, { aud?: unknown }>;
  readonly environment?: { name?: string };
  readonly rules?: { if?: string; when?: string }[];
  readonly needs?: { job: string }[];
  readonly image?: unknown;
}

const PIPELINE = join(WORKSPACE_ROOT, '.gitlab-ci.yml');
let jobs: Record<string, Job>;
let variables: Record<string, string>;
let mergeRequestJobs: string[];

beforeAll(() => {
  const expanded = expandGitlabCi(PIPELINE);
  variables = expanded['variables'] as Record<string, string>;
  jobs = Object.fromEntries(
    Object.entries(expanded).filter(
      ([name, value]) =>
        !['stages', 'variables', 'workflow', 'default'].includes(name) &&
        !name.startsWith('.') &&
        typeof value === 'object' &&
        value !== null &&
        'script' in value,
    ),
  ) as Record<string, Job>;
  mergeRequestJobs = listGitlabJobs(PIPELINE, {
    CI_PIPELINE_SOURCE: 'merge_request_event',
    CI_MERGE_REQUEST_IID: '1',
    CI_COMMIT_BRANCH: '',
  })
    .filter((job) => job.when !== 'never')
    .map((job) => job.name.replace(/: \[.*\]$/, ''));
}, 60_000);

const text = (job: Job) =>
  [...(job.before_script ?? []), ...(job.script ?? []), JSON.stringify(job.variables ?? {})].join(
    '\n',
  );
const assumesRole = (job: Job) => text(job).includes('tools/ci/bin/aws-web-identity.sh');
/** Credentials that deploy or push: never in a job a merge request runs. */
const WRITE_CREDENTIALS = [
  'AWS_CI_ROLE_ARN',
  'AWS_PUSH_ROLE_ARN',
  'RELEASE_BOT_TOKEN',
  '$PULUMI_ACCESS_TOKEN',
  '$PULUMI_CONFIG_PASSPHRASE',
];

describe('.gitlab-ci.yml: credentials', () => {
  it('a job assumes an AWS role only with an ID token for STS, and only such a job asks for one', () => {
    const names = Object.keys(jobs);
    expect(names.filter((name) => assumesRole(jobs[name] ?? {})).sort()).toEqual([
      'image-push',
      'preview',
      'up-production',
      'up-staging',
    ]);
    const sts = { AWS_ID_TOKEN: { aud: 'sts.amazonaws.com' } };
    const tokens = (name: string) => jobs[name]?.id_tokens ?? 'none';
    expect(Object.fromEntries(names.map((name) => [name, tokens(name)]))).toEqual(
      Object.fromEntries(names.map((name) => [name, assumesRole(jobs[name] ?? {}) ? sts : 'none'])),
    );
  });

  it('the jobs of a merge request hold no credential that deploys or pushes', () => {
    expect(mergeRequestJobs).toContain('preview');
    for (const name of mergeRequestJobs) {
      const job = jobs[name];
      expect(job, name).toBeDefined();
      for (const credential of WRITE_CREDENTIALS)
        expect(text(job ?? {}), `${name} uses ${credential}`).not.toContain(credential);
    }
    expect(jobs['preview']?.variables).toMatchObject({
      PULUMI_ACCESS_TOKEN: '$PULUMI_PREVIEW_ACCESS_TOKEN',
      PULUMI_CONFIG_PASSPHRASE: '$PULUMI_PREVIEW_CONFIG_PASSPHRASE',
    });
    expect(text(jobs['preview'] ?? {})).toContain('AWS_PREVIEW_ROLE_ARN_');
  });

  it('the deploy role and the release token only in jobs of an environment, on the default branch', () => {
    for (const [name, job] of Object.entries(jobs)) {
      if (!/AWS_CI_ROLE_ARN|RELEASE_BOT_TOKEN/.test(text(job))) continue;
      expect(job.environment?.name, name).toMatch(/^(staging|production)$/);
      for (const rule of job.rules ?? [])
        expect(rule.if, name).toContain('$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH');
    }
  });

  it('production is started by hand, after staging, in its environment', () => {
    const production = jobs['up-production'];
    expect(production?.environment?.name).toBe('production');
    expect(production?.rules?.map((rule) => rule.when)).toEqual(['manual']);
    expect(production?.needs?.map((need) => need.job)).toContain('up-staging');
  });
});

describe('.gitlab-ci.yml: images', () => {
  it('pins every image to an exact version (or a digest)', () => {
    const images = Object.entries(variables).filter(([name]) => name.endsWith('_IMAGE'));
    expect(images.length).toBeGreaterThanOrEqual(2);
    for (const [name, image] of images)
      expect(image, name).toMatch(/(:v?\d+\.\d+\.\d+(-[a-z0-9]+)*|@sha256:[0-9a-f]{64})$/);
    const jobImages = Object.entries(jobs).flatMap(([name, job]) => {
      const image =
        typeof job.image === 'string'
          ? job.image
          : (job.image as { name?: string } | undefined)?.name;
      return image === undefined ? [] : [`${name}: ${image}`];
    });
    // Every job's image is one of those variables (the default's is NODE_IMAGE).
    expect(jobImages).toContain('image-build: $BUILDKIT_IMAGE');
    expect(jobImages.filter((entry) => !/: \$[A-Z_]+_IMAGE$/.test(entry))).toEqual([]);
  });
});
