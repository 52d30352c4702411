import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GitFixture, REPOSITORY, git, treeState } from '../testing/git-fixture.js';
import type { ReleaseContext } from '../release-context.js';
import { bump } from './bump.js';
import { rollback } from './rollback.js';

let fixture: GitFixture;
let context: ReleaseContext;
let bumpTo110: string;
beforeAll(async () => {
  fixture = await GitFixture.create(2);
  context = await fixture.clone('rollback');
  await bump(context, { environment: 'staging', app: 'app-01', imageTag: '1.1.0' });
  bumpTo110 = git(context.root, 'rev-parse', 'HEAD');
  await bump(context, { environment: 'staging', app: 'app-02', imageTag: '9.9.9' }); // another app: not in app-01's history
  await bump(context, { environment: 'staging', app: 'app-01', imageTag: '1.2.0' });
});
afterAll(async () => {
  await fixture.remove();
});

const current = () => context.images.read('staging', 'app-01').then((image) => image.tag);

describe('rollback', () => {
  it('goes back one image change by default, from the history of the image file', async () => {
    const result = await rollback(context, { environment: 'staging', app: 'app-01' });
    expect(result).toMatchObject({ changed: true, image: `${REPOSITORY}/app-01:1.1.0` });
    expect(await current()).toBe('1.1.0');
    const body = git(context.root, 'log', '-1', '--format=%B');
    expect(body.split('\n')[0]).toBe('rollback(staging): app-01 1.2.0 -> 1.1.0');
    expect(body).toContain(`Rollback-To: ${bumpTo110}`);
  });

  it('goes back N changes with --steps (the rollback itself now counts as a change)', async () => {
    // history: 1.1.0 (rollback), 1.2.0, 1.1.0, 1.0.0
    await rollback(context, { environment: 'staging', app: 'app-01', steps: 3 });
    expect(await current()).toBe('1.0.0');
  });

  it('goes back to the image the app ran at a commit with --to', async () => {
    await rollback(context, { environment: 'staging', app: 'app-01', to: bumpTo110 });
    expect(await current()).toBe('1.1.0');
  });

  it.each([
    [{ steps: 50 }, 'cannot go back 50'],
    [{ steps: 0 }, '--steps must be a positive integer, got 0'],
    [{ to: 'no-such-commit' }, "--to 'no-such-commit' is not a commit in this repository"],
    [{ steps: 1, to: 'HEAD' }, 'give --steps or --to, not both'],
  ])('rejects %j and changes nothing', async (options, message) => {
    const before = treeState(context.root);
    await expect(
      rollback(context, { environment: 'staging', app: 'app-01', ...options }),
    ).rejects.toThrow(message);
    expect(treeState(context.root)).toBe(before);
  });
});
