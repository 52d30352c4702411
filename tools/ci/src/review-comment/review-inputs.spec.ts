import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { writeFileTree } from '../testing/file-tree.js';
import { readReviewInput, type RunSummary } from './review-inputs.js';

const fixture = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
const context = {
  headSha: 'a'.repeat(40),
  environments: ['staging', 'production'],
  productionEnvironments: ['production'],
};
const run = (id: number, status = 'completed', artifacts: RunSummary['artifacts'] = []) => ({
  status,
  conclusion: status === 'completed' ? 'success' : null,
  html_url: `https://github.com/acme/platform/actions/runs/${id}`,
  artifacts,
});

const downloaded = (files: Record<string, string>) => writeFileTree(files);

describe('readReviewInput', () => {
  it('reads the manifest patch and every stack preview, linking the diff artifact', () => {
    const directory = downloaded({
      'ci/manifest-diff/manifest-diff.patch': fixture('fixtures/manifests-small.patch'),
      'infra/infra-preview-infra-cluster-staging/outcome.json': JSON.stringify({
        project: 'infra-cluster',
        stack: 'staging',
        exitCode: 0,
      }),
      'infra/infra-preview-infra-cluster-staging/preview.json': fixture(
        '../infra-preview/fixtures/preview-update.stdout',
      ),
    });
    const input = readReviewInput(
      directory,
      { ci: run(1, 'completed', [{ id: 11, name: 'manifest-diff' }]), infra: run(2) },
      context,
    );
    expect(input.manifests).toMatchObject({
      state: 'done',
      artifactUrl: 'https://github.com/acme/platform/actions/runs/1/artifacts/11',
    });
    expect(input.infra.state === 'done' && input.infra.previews).toMatchObject([
      { project: 'infra-cluster', stack: 'staging', succeeded: true, counts: { update: 1 } },
    ]);
  });

  it('pending, not run, and finished without artifacts are three different things', () => {
    const directory = downloaded({});
    const input = readReviewInput(directory, { ci: run(1, 'in_progress'), infra: null }, context);
    expect(input.manifests).toEqual({
      state: 'pending',
      runUrl: 'https://github.com/acme/platform/actions/runs/1',
    });
    expect(input.infra).toEqual({ state: 'not-run' });
    const cancelled = { ...run(2), conclusion: 'cancelled' };
    const missing = readReviewInput(directory, { ci: run(1), infra: cancelled }, context);
    expect(missing.manifests).toMatchObject({ state: 'missing', conclusion: 'success' });
    expect(missing.infra).toMatchObject({ state: 'missing', conclusion: 'cancelled' });
    // infra succeeded without previews: no program was affected.
    const none = readReviewInput(directory, { ci: run(1), infra: run(2) }, context);
    expect(none.infra).toMatchObject({ state: 'done', previews: [] });
  });

  it('files each preview under the environment its outcome names; an older outcome’s stack is its environment', () => {
    const outcome = (stack: string, environment?: string) => ({
      [`infra/infra-preview-infra-cluster-${stack}/outcome.json`]: JSON.stringify({
        project: 'infra-cluster',
        stack,
        ...(environment ? { environment } : {}),
        exitCode: 0,
      }),
    });
    const directory = downloaded({ ...outcome('live-west', 'live'), ...outcome('qa') });
    const input = readReviewInput(directory, { ci: null, infra: run(2) }, context);
    expect(
      input.infra.state === 'done' && input.infra.previews.map((p) => [p.stack, p.environment]),
    ).toEqual([
      ['live-west', 'live'],
      ['qa', 'qa'],
    ]);
  });

  it('refuses a preview artifact that names no stack', () => {
    const directory = downloaded({ 'infra/infra-preview-x/outcome.json': '{}' });
    expect(() => readReviewInput(directory, { ci: null, infra: run(2) }, context)).toThrow(
      /infra-preview-x\/outcome\.json names no project and stack/,
    );
  });
});
