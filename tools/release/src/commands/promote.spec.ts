import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GitFixture, REPOSITORY, git, treeState } from '../testing/git-fixture.js';
import { bump } from './bump.js';
import { promote, trailersOf } from './promote.js';

let fixture: GitFixture;
beforeAll(async () => {
  fixture = await GitFixture.create(2);
});
afterAll(async () => {
  await fixture.remove();
});

describe('promote', () => {
  it('gives the target environment the exact reference the source runs, with its source commit', async () => {
    const context = await fixture.clone('promote-happy');
    await bump(context, {
      environment: 'staging',
      app: 'app-01',
      imageTag: '1.5.0',
      sourceCommit: 'beef456',
    });
    const result = await promote(context, { app: 'app-01', from: 'staging', to: 'production' });
    expect(result).toMatchObject({ changed: true, image: `${REPOSITORY}/app-01:1.5.0` });
    const body = git(context.root, 'log', '-1', '--format=%B');
    expect(body.split('\n')[0]).toBe('deploy(production): app-01 1.0.0 -> 1.5.0');
    expect(trailersOf(body)).toEqual({
      'Promoted-From': 'staging',
      'Source-Commit': 'beef456',
      Image: `${REPOSITORY}/app-01:1.5.0`,
    });
  });

  it('with --branch, commits on a new branch for a pull request and leaves main alone', async () => {
    const context = await fixture.clone('promote-branch');
    await bump(context, { environment: 'staging', app: 'app-02', imageTag: '2.1.0' });
    const main = git(context.root, 'rev-parse', 'main');
    await promote(context, {
      app: 'app-02',
      from: 'staging',
      to: 'production',
      newBranch: 'promote/app-02-2.1.0',
    });
    expect(git(context.root, 'symbolic-ref', '--short', 'HEAD')).toBe('promote/app-02-2.1.0');
    expect(git(context.root, 'rev-parse', 'main')).toBe(main);
    expect(git(context.root, 'rev-parse', 'HEAD~1')).toBe(main);
  });

  it('makes no commit and no branch when the target already runs that image', async () => {
    const context = await fixture.clone('promote-noop');
    const before = treeState(context.root);
    expect(
      await promote(context, {
        app: 'app-01',
        from: 'staging',
        to: 'production',
        newBranch: 'promote/noop',
      }),
    ).toMatchObject({
      changed: false,
    });
    expect(treeState(context.root)).toBe(before);
    expect(git(context.root, 'branch', '--list', 'promote/noop')).toBe('');
  });

  it.each([
    [{ app: 'app-01', from: 'staging', to: 'staging' }, "--from and --to are both 'staging'"],
    [{ app: 'app-01', from: 'dev', to: 'production' }, "unknown environment 'dev'"],
    [
      { app: 'app-01', from: 'staging', to: 'production', newBranch: 'main' },
      "branch 'main' already exists",
    ],
    [
      { app: 'app-01', from: 'staging', to: 'production', newBranch: 'x', push: true },
      'give --push or --branch <name>, not both',
    ],
  ])('rejects %j', async (options, message) => {
    const context = await fixture.clone(`promote-bad-${Math.random().toString(36).slice(2, 8)}`);
    const before = treeState(context.root);
    await expect(promote(context, options)).rejects.toThrow(message);
    expect(treeState(context.root)).toBe(before);
  });
});
