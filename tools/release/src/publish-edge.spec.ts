import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bump } from './commands/bump.js';
import { UpstreamCodeChangedError } from './publish.js';
import type { ReleaseContext } from './release-context.js';
import { GitFixture, git, treeState } from './testing/git-fixture.js';

let fixture: GitFixture | undefined;
afterEach(async () => {
  await fixture?.remove();
});

/** Makes `theirs` push `commit` just before each of `mine`'s next `times` pushes: a real race, every time. */
function raceBeforePush(mine: ReleaseContext, times: number, commit: () => Promise<void>): void {
  const push = mine.git.push.bind(mine.git);
  let left = times;
  mine.git.push = async (remote, branch) => {
    if (left-- > 0) await commit();
    return push(remote, branch);
  };
}

describe('publishing edge cases', () => {
  it('stops on a tip with new code, leaving the branch on that tip for a fresh run', async () => {
    fixture = await GitFixture.create(2);
    const [mine, theirs] = await Promise.all([fixture.clone('mine'), fixture.clone('theirs')]);
    raceBeforePush(mine, 1, async () => {
      await writeFile(join(theirs.root, 'README.md'), 'code changed upstream\n');
      git(theirs.root, 'add', 'README.md');
      git(theirs.root, 'commit', '-qm', 'docs: upstream code change');
      git(theirs.root, 'push', '-q', 'origin', 'main');
    });
    const error = await bump(mine, {
      environment: 'staging',
      app: 'app-01',
      imageTag: 'x1',
      push: true,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamCodeChangedError);
    expect((error as Error).message).toContain('moved with code changes (README.md)');
    expect(git(mine.root, 'rev-parse', 'HEAD')).toBe(git(fixture.origin, 'rev-parse', 'main'));
    expect(git(mine.root, 'status', '--porcelain')).toBe('');
    // The fresh run (what main.ts does) then lands the bump.
    await expect(
      bump(mine, { environment: 'staging', app: 'app-01', imageTag: 'x1', push: true }),
    ).resolves.toMatchObject({
      changed: true,
      attempts: 1,
    });
  });

  it('gives up after the last attempt, leaving the branch where it started, having pushed nothing of its own', async () => {
    fixture = await GitFixture.create(2);
    const [mine, theirs] = await Promise.all([fixture.clone('mine'), fixture.clone('theirs')]);
    let n = 0;
    raceBeforePush(mine, 2, async () => {
      await bump(theirs, {
        environment: 'staging',
        app: 'app-02',
        imageTag: `theirs-${++n}`,
        push: true,
      });
    });
    const before = treeState(mine.root);
    await expect(
      bump(mine, {
        environment: 'staging',
        app: 'app-01',
        imageTag: 'x2',
        push: true,
        maxAttempts: 2,
      }),
    ).rejects.toThrow('push to origin/main rejected 2 times; nothing was pushed');
    expect(treeState(mine.root)).toBe(before);
    expect(fixture.originLog().filter((subject) => subject.includes('app-01'))).toEqual([]);
  });

  it('refuses to push from a branch with commits that are not on the remote branch', async () => {
    fixture = await GitFixture.create(2);
    const mine = await fixture.clone('feature');
    git(mine.root, 'switch', '-q', '-c', 'feature');
    await writeFile(join(mine.root, 'UNREVIEWED.md'), 'not reviewed\n');
    git(mine.root, 'add', 'UNREVIEWED.md');
    git(mine.root, 'commit', '-qm', 'unreviewed change');
    const before = treeState(mine.root);
    const originBefore = git(fixture.origin, 'rev-parse', 'main');
    await expect(
      bump(mine, { environment: 'staging', app: 'app-01', imageTag: 'x3', push: true }),
    ).rejects.toThrow('has commits that are not on origin/main: --push publishes only this change');
    expect(treeState(mine.root)).toBe(before);
    expect(git(fixture.origin, 'rev-parse', 'main')).toBe(originBefore);
  });

  it('moves a clone that is behind the remote branch forward before it applies the change', async () => {
    fixture = await GitFixture.create(2);
    const [mine, theirs] = await Promise.all([fixture.clone('behind'), fixture.clone('ahead')]);
    await bump(theirs, { environment: 'production', app: 'app-02', imageTag: 'first', push: true });
    const result = await bump(mine, {
      environment: 'staging',
      app: 'app-01',
      imageTag: 'second',
      push: true,
    });
    expect(result).toMatchObject({ changed: true, attempts: 1 });
    expect(fixture.originLog().slice(0, 2)).toEqual([
      'deploy(staging): app-01 1.0.0 -> second',
      'deploy(production): app-02 1.0.0 -> first',
    ]);
  });
});
