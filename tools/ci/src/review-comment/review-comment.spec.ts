import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { splitManifestPatch } from './manifest-patch.js';
import {
  MAX_COMMENT_CHARS,
  REVIEW_COMMENT_MARKER,
  buildReviewComment,
  type EnvironmentPreview,
  type ReviewInput,
} from './review-comment.js';
import { readStackPreview } from '../infra-preview/stack-preview.js';

const fixture = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
const preview = (
  project: string,
  stack: string,
  name: string,
  exitCode = 0,
  stderr = '',
  environment = stack,
): EnvironmentPreview => ({
  ...readStackPreview({
    project,
    stack,
    exitCode,
    json: name ? fixture(`../infra-preview/fixtures/${name}.stdout`) : '',
    log: stderr ? fixture(`../infra-preview/fixtures/${stderr}.stderr`) : '',
  }),
  environment,
});
const RUN = 'https://github.com/acme/platform/actions/runs';
const base: ReviewInput = {
  headSha: 'a1b2c3d4e5f6a7b8c9d0a1b2c3d4e5f6a7b8c9d0',
  environments: ['staging', 'production'],
  productionEnvironments: ['production'],
  manifests: {
    state: 'done',
    runUrl: `${RUN}/1`,
    artifactUrl: `${RUN}/1/artifacts/11`,
    patch: fixture('fixtures/manifests-small.patch'),
  },
  infra: {
    state: 'done',
    runUrl: `${RUN}/2`,
    artifactUrl: `${RUN}/2/artifacts/22`,
    previews: [preview('infra-cluster', 'staging', 'preview-update')],
  },
};
/** The part of the comment under one environment's heading. */
const sectionOf = (comment: string, environment: string) =>
  comment.split(`### \`${environment}\``)[1]?.split('\n### ')[0] ?? '';

describe('splitManifestPatch', () => {
  it('groups the files of a git patch by environment, with their status', () => {
    const byEnvironment = splitManifestPatch(fixture('fixtures/manifests-small.patch'));
    expect([...byEnvironment.keys()]).toEqual(['production', 'staging']);
    expect(
      byEnvironment.get('staging')?.map((f) => [f.app, f.status, f.path.split('/').at(-1)]),
    ).toEqual([
      ['orders', 'changed', 'ConfigMap.orders-config.yaml'],
      ['orders', 'removed', 'CronJob.orders-nightly.yaml'],
      ['billing', 'added', 'Service.billing.yaml'],
    ]);
  });
});

describe('buildReviewComment', () => {
  it('small: one marked comment, per environment the preview summary and the whole diff', () => {
    const comment = buildReviewComment(base);
    expect(comment.startsWith(REVIEW_COMMENT_MARKER)).toBe(true);
    const staging = sectionOf(comment, 'staging');
    expect(staging).toContain(
      '**`infra-cluster`** / `staging`: 1 to update · policy pack: ✅ passed',
    );
    expect(staging).toContain('- `update` `aws:iam/role:Role platform-staging-preview`');
    expect(staging).toContain('3 files (1 added, 1 changed, 1 removed) in `orders`, `billing`');
    expect(staging).toContain('+  name: billing');
    expect(staging).not.toContain('Cut to fit');
    const production = sectionOf(comment, 'production');
    expect(production).toContain(
      'No preview: no Pulumi program is affected (pull requests from forks get none).',
    );
    expect(production).toContain('1 file (1 changed) in `orders`');
    expect(production).toContain('sha256:bbbb2222');
  });

  it('keeps text from the pull request inside its fence', () => {
    const comment = buildReviewComment(base);
    // The ConfigMap line holds ``` and </details>: the fence around it is longer.
    expect(comment).toMatch(/````diff\n[^]*GREETING: Hello ``` <\/details>[^]*\n````/);
  });

  it('huge: cuts each diff to fit GitHub, links the whole diff, never exceeds the limit', () => {
    const file = (env: string, i: number) =>
      [
        `diff --git a/manifests/${env}/orders/ConfigMap.c${i}.yaml b/manifests/${env}/orders/ConfigMap.c${i}.yaml`,
        'index 1111111..2222222 100644',
        `--- a/manifests/${env}/orders/ConfigMap.c${i}.yaml`,
        `+++ b/manifests/${env}/orders/ConfigMap.c${i}.yaml`,
        '@@ -1,200 +1,200 @@',
        ...Array.from(
          { length: 200 },
          (_, line) => `-  key${line}: old-value-${i}\n+  key${line}: new-value-${i}`,
        ),
      ].join('\n');
    const huge = [
      ...Array.from({ length: 40 }, (_, i) => file('staging', i)),
      file('production', 0),
    ].join('\n');
    expect(huge.length).toBeGreaterThan(300_000);
    const comment = buildReviewComment({
      ...base,
      manifests: { ...base.manifests, patch: huge } as ReviewInput['manifests'],
    });
    expect(comment.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS);
    const staging = sectionOf(comment, 'staging');
    expect(staging).toContain('✂️ Cut to fit the comment');
    expect(staging).toContain(
      `the whole diff is in [the manifest-diff artifact](${RUN}/1/artifacts/11)`,
    );
    // The small environment is whole: the huge one does not crowd it out.
    const production = sectionOf(comment, 'production');
    expect(production).not.toContain('Cut to fit');
    expect(production).toContain('+  key199: new-value-0');
    // A cut diff ends on a whole line and its fence is closed.
    expect(staging).toMatch(/value-\d+\n```\n\n<\/details>/);
  });

  it('huge: a stack with hundreds of changes lists what fits and links the rest', () => {
    const steps = Array.from({ length: 600 }, (_, i) => ({
      op: 'create',
      urn: `urn:pulumi:staging::infra-cluster::aws:ec2/securityGroupRule:SecurityGroupRule::rule-${i}`,
    }));
    const many = {
      ...readStackPreview({
        project: 'infra-cluster',
        stack: 'staging',
        exitCode: 0,
        json: JSON.stringify({ steps, changeSummary: { create: 600 } }),
        log: '',
      }),
      environment: 'staging',
    };
    const comment = buildReviewComment({
      ...base,
      infra: { state: 'done', runUrl: `${RUN}/2`, previews: [many] },
    });
    const staging = sectionOf(comment, 'staging');
    expect(staging).toContain('600 to create');
    expect(staging).toContain('rule-0`');
    expect(staging).not.toContain('rule-599`');
    expect(staging).toMatch(
      new RegExp(`- … \\d+ more: every step is in \\[the run's artifacts\\]\\(${RUN}/2\\)`),
    );
  });

  it('empty: says there is nothing to change', () => {
    const comment = buildReviewComment({
      ...base,
      manifests: { state: 'done', runUrl: `${RUN}/1`, patch: '' },
      infra: {
        state: 'done',
        runUrl: `${RUN}/2`,
        previews: [preview('infra-cluster', 'staging', 'preview-no-changes')],
      },
    });
    expect(comment).toContain(
      '✅ Nothing risky found: no replacement, no deletion, no production change.',
    );
    expect(sectionOf(comment, 'staging')).toContain(
      '**`infra-cluster`** / `staging`: no changes · policy pack: ✅ passed',
    );
    expect(sectionOf(comment, 'staging')).toContain('No rendered manifest changes.');
    expect(comment).not.toContain('<details><summary>Manifest diff');
  });

  it('failed preview: the error, not a summary, and the headline says so', () => {
    const comment = buildReviewComment({
      ...base,
      infra: {
        state: 'done',
        runUrl: `${RUN}/2`,
        previews: [preview('infra-cluster', 'production', '', 255, 'preview-credentials-failed')],
      },
    });
    const production = sectionOf(comment, 'production');
    expect(production).toContain(
      '**`infra-cluster`** / `production`: ❌ **the preview failed** · policy pack: not evaluated (the preview failed)',
    );
    expect(production).toContain('error: unable to validate AWS credentials.');
    expect(comment).toContain('- ❌ the preview of `infra-cluster` / `production` **failed**');
  });

  it('a policy violation: the violated policy, from the log', () => {
    const violated = preview(
      'infra-cluster',
      'staging',
      'preview-policy-violation',
      255,
      'preview-policy-violation',
    );
    expect(violated.policy).toEqual({
      status: 'violated',
      messages: [
        '- [mandatory]  s3-no-public-buckets  (aws:s3/bucketV2:BucketV2: platform-staging-scratch)',
      ],
    });
    const comment = buildReviewComment({
      ...base,
      infra: { state: 'done', runUrl: `${RUN}/2`, previews: [violated] },
    });
    expect(sectionOf(comment, 'staging')).toContain('policy pack: ❌ violated');
  });

  it('pending: the section of the workflow that has not finished says so', () => {
    const comment = buildReviewComment({
      ...base,
      infra: { state: 'pending', runUrl: `${RUN}/2` },
    });
    expect(sectionOf(comment, 'staging')).toContain(
      `⏳ pending: \`infra\` has not finished for this commit ([run](${RUN}/2)).`,
    );
    expect(comment).toContain('⏳ Still waiting for `infra`.');
    const noCi = buildReviewComment({ ...base, manifests: { state: 'pending' } });
    expect(sectionOf(noCi, 'production')).toContain('⏳ pending: `ci` has not finished');
    const noInfra = buildReviewComment({ ...base, infra: { state: 'not-run' } });
    expect(sectionOf(noInfra, 'staging')).toContain(
      'No infrastructure change: `infra` did not run for this commit.',
    );
  });

  it('risky: replacements, deletions and every production change lead the comment', () => {
    const comment = buildReviewComment({
      ...base,
      infra: {
        state: 'done',
        runUrl: `${RUN}/2`,
        previews: [
          preview('infra-cluster', 'staging', 'preview-update'),
          preview('infra-cluster', 'production', 'preview-replace-delete'),
        ],
      },
    });
    const head = comment.split('### `staging`')[0] ?? '';
    expect(head).toContain('- 🔁 1 to **replace** in `infra-cluster` / `production`');
    expect(head).toContain('- 🗑️ 1 to **delete** in `infra-cluster` / `production`');
    expect(head).toContain(
      '- 🗑️ 1 rendered manifest **removed** (`manifests/staging/orders/CronJob.orders-nightly.yaml`)',
    );
    expect(head).toContain('- 🚨 **production** changes: its manifests, `infra-cluster`');
    // A replacement is three steps of one URN in the digest, shown once.
    const production = sectionOf(comment, 'production');
    expect(production).toContain('1 to create, 1 to delete, 1 to replace');
    expect(production).toContain('3 resources to change');
    expect(production).toContain(
      '- `replace` `aws:eks/nodeGroup:NodeGroup platform-production-nodes`',
    );
    expect(production.match(/platform-production-nodes`/g)).toHaveLength(1);
  });

  it('hub and spoke: a workload cluster’s stack shows under its environment, and a change to it is a production change', () => {
    const comment = buildReviewComment({
      ...base,
      manifests: { state: 'done', runUrl: `${RUN}/1`, patch: '' },
      infra: {
        state: 'done',
        runUrl: `${RUN}/2`,
        previews: [
          preview('infra-cluster', 'production-hub', 'preview-no-changes', 0, '', 'production'),
          preview('infra-cluster', 'production-us', 'preview-update', 0, '', 'production'),
        ],
      },
    });
    const production = sectionOf(comment, 'production');
    expect(production).toContain('**`infra-cluster`** / `production-hub`');
    expect(production).toContain('**`infra-cluster`** / `production-us`');
    expect(sectionOf(comment, 'staging')).not.toContain('production-us');
    expect(comment.split('### `staging`')[0]).toContain(
      '- 🚨 **production** changes: `infra-cluster`',
    );
  });

  it('a production change alone is risky; staging alone is not', () => {
    const stagingOnly = splitManifestPatch(fixture('fixtures/manifests-small.patch'))
      .get('staging')
      ?.filter((f) => f.status === 'changed')
      .map((f) => f.patch)
      .join('\n');
    const comment = buildReviewComment({
      ...base,
      manifests: { state: 'done', runUrl: `${RUN}/1`, patch: stagingOnly ?? '' },
    });
    expect(comment).toContain('✅ Nothing risky found');
  });
});
