import { checkFreshness } from '@platform/manifests';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReleaseContext } from '../release-context.js';
import { GitFixture, git } from '../testing/git-fixture.js';
import { promote } from './promote.js';

let fixture: GitFixture;
let context: ReleaseContext;
beforeAll(async () => {
  fixture = await GitFixture.create(2, ['qa']);
  context = await fixture.clone('qa');
});
afterAll(async () => {
  await fixture.remove();
});

describe('adding an environment: one entry, then promote each app into it', () => {
  it('promotes the first app; the others are not in the environment until they have an image', async () => {
    await expect(
      promote(context, { app: 'app-01', from: 'staging', to: 'qa' }),
    ).resolves.toMatchObject({ changed: true });
    expect(
      git(context.root, 'ls-files', 'manifests/qa')
        .split('\n')
        .every(
          (file) =>
            file.startsWith('manifests/qa/app-01/') ||
            file.startsWith('manifests/qa/_platform/') ||
            file === 'manifests/qa/kustomization.yaml',
        ),
    ).toBe(true);
    // An app enters an environment with its first image there: the render is fresh already.
    expect(await checkFreshness(context.workspace)).toEqual({
      added: [],
      changed: [],
      removed: [],
    });
  });

  it('is complete, and fresh, once every app is promoted', async () => {
    await promote(context, { app: 'app-02', from: 'staging', to: 'qa' });
    expect(git(context.root, 'ls-files', 'manifests/qa/app-02')).not.toBe('');
    // The environment's kustomization lists both, committed with the second promotion.
    expect(git(context.root, 'show', 'HEAD:manifests/qa/kustomization.yaml')).toContain(
      'resources:\n  - app-01\n  - app-02',
    );
    expect(await checkFreshness(context.workspace)).toEqual({
      added: [],
      changed: [],
      removed: [],
    });
  });
});
