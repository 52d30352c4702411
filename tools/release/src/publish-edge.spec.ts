import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bump } from './commands/bump.js';
import { UpstreamCodeChangedError } from './publish.js';
import { GitFixture, git, treeState } from './testing/git-fixture.js';

let fixture: GitFixture | undefined;
afterEach(async () => {
  await fixture?.remove();
});

describe('publishing edge cases', () => {
  it('stops on a tip with new code, leaving the branch on that tip for a fresh run', async () => {
    fixture = await GitFixture.create(2);
    const [mine, theirs] = await Promise.all([fixture.clone('mine'), fixture.clone('theirs')]);
    await writeFile(join(theirs.root, 'README.md'), 'code changed upstream\n');
    git(theirs.root, 'add', 'README.md');
    git(theirs.root, 'commit', '-qm', 'docs: upstream code change');
    git(theirs.root, 'push', '-q', 'origin', 'main');
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
    ).resolves.toMatchObject({ changed: true, attempts: 1 });
  });

  it('gives up after the last attempt, leaving the branch where it started, having pushed nothing', async () => {
    fixture = await GitFixture.create(2);
    const [mine, theirs] = await Promise.all([fixture.clone('mine'), fixture.clone('theirs')]);
    await bump(theirs, { environment: 'staging', app: 'app-02', imageTag: 'first', push: true });
    const before = treeState(mine.root);
    const originBefore = git(fixture.origin, 'rev-parse', 'main');
    await expect(
      bump(mine, {
        environment: 'staging',
        app: 'app-01',
        imageTag: 'x2',
        push: true,
        maxAttempts: 1,
      }),
    ).rejects.toThrow('push to origin/main rejected 1 times; nothing was pushed');
    expect(treeState(mine.root)).toBe(before);
    expect(git(fixture.origin, 'rev-parse', 'main')).toBe(originBefore);
  });
});
