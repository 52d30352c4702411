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

describe('adding an environment: one catalog entry, then promote each app into it', () => {
  it('promotes the first app while the others have no image there yet', async () => {
    await expect(
      promote(context, { app: 'app-01', from: 'staging', to: 'qa' }),
    ).resolves.toMatchObject({ changed: true });
    expect(
      git(context.root, 'ls-files', 'manifests/qa')
        .split('\n')
        .every((file) => file.startsWith('manifests/qa/app-01/')),
    ).toBe(true);
    // Until every app has an image there, a full render says which one is missing.
    await expect(checkFreshness(context.root, fixture.catalog)).rejects.toThrow(
      'libs/image-catalog/images/qa/app-02.yaml: does not exist',
    );
  });

  it('is complete, and fresh, once every app is promoted', async () => {
    await promote(context, { app: 'app-02', from: 'staging', to: 'qa' });
    expect(await checkFreshness(context.root, fixture.catalog)).toEqual({
      added: [],
      changed: [],
      removed: [],
    });
  });
});
