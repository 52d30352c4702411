import { checkFreshness, readManifestTree } from '@platform/manifests';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bump } from './commands/bump.js';
import { releaseContext } from './release-context.js';
import { GitFixture, REPOSITORY, git } from './testing/git-fixture.js';

let fixture: GitFixture | undefined;
afterEach(async () => {
  await fixture?.remove();
});

/** A fresh clone of origin/main, to check what landed there. */
async function landed(origin: GitFixture) {
  const directory = await mkdtemp(join(tmpdir(), 'landed-'));
  git(directory, 'clone', '-q', origin.origin, 'checkout');
  return {
    context: releaseContext(join(directory, 'checkout'), origin.open),
    remove: () => rm(directory, { recursive: true, force: true }),
  };
}

describe('publishing with --push under contention', () => {
  it('lands two bumps of different apps pushed at the same moment from two clones', async () => {
    fixture = await GitFixture.create(2);
    const [a, b] = await Promise.all([fixture.clone('a'), fixture.clone('b')]);
    const results = await Promise.all([
      bump(a, {
        environment: 'staging',
        app: 'app-01',
        imageTag: 'race-a',
        push: true,
        maxAttempts: 10,
      }),
      bump(b, {
        environment: 'staging',
        app: 'app-02',
        imageTag: 'race-b',
        push: true,
        maxAttempts: 10,
      }),
    ]);
    expect(results.map((r) => r.changed)).toEqual([true, true]);
    expect(results.map((r) => ('attempts' in r ? r.attempts : 0)).sort()).toEqual([1, 2]); // one of them had to retry
    const check = await landed(fixture);
    try {
      expect(await check.context.images.read('staging', 'app-01')).toEqual({
        repository: `${REPOSITORY}/app-01`,
        tag: 'race-a',
      });
      expect(await check.context.images.read('staging', 'app-02')).toEqual({
        repository: `${REPOSITORY}/app-02`,
        tag: 'race-b',
      });
      const tree = await readManifestTree(check.context.root, ['staging']);
      expect(tree.get('manifests/staging/app-01/deployment-app-01.yaml')?.content).toContain(
        ':race-a',
      );
      expect(tree.get('manifests/staging/app-02/deployment-app-02.yaml')?.content).toContain(
        ':race-b',
      );
      expect(await checkFreshness(check.context.workspace)).toEqual({
        added: [],
        changed: [],
        removed: [],
      });
    } finally {
      await check.remove();
    }
  });

  it('loses none of 20 concurrent bumps, and never force-pushes', async () => {
    fixture = await GitFixture.create(20);
    const apps = fixture.open(fixture.directory).catalog.appNames();
    const origin = fixture;
    const clones = await Promise.all(apps.map((app) => origin.clone(`c-${app}`)));
    const results = await Promise.all(
      clones.map((context, index) =>
        bump(context, {
          environment: 'production',
          app: apps[index] ?? '',
          imageTag: `burst-${index}`,
          push: true,
          maxAttempts: 60,
        }),
      ),
    );
    expect(results.every((r) => r.changed)).toBe(true);
    const subjects = fixture.originLog();
    expect(subjects.filter((s) => s.startsWith('deploy(production): '))).toHaveLength(20);
    // Linear history: every bump commit's parent is the previous tip (no force-push ever rewrote it).
    expect(git(fixture.origin, 'rev-list', '--count', '--merges', 'main')).toBe('0');
    const check = await landed(fixture);
    try {
      for (const [index, app] of apps.entries()) {
        expect((await check.context.images.read('production', app)).tag).toBe(`burst-${index}`);
      }
      expect(await checkFreshness(check.context.workspace)).toEqual({
        added: [],
        changed: [],
        removed: [],
      });
    } finally {
      await check.remove();
    }
  }, 300_000);

  it('keeps unrelated uncommitted work when it rebuilds on a new tip', async () => {
    fixture = await GitFixture.create(2);
    const [mine, theirs] = await Promise.all([fixture.clone('mine'), fixture.clone('theirs')]);
    await bump(theirs, { environment: 'staging', app: 'app-02', imageTag: 'theirs', push: true });
    git(mine.root, 'config', 'core.autocrlf', 'false');
    await import('node:fs/promises').then((fs) =>
      fs.writeFile(join(mine.root, 'NOTES.md'), 'work in progress\n'),
    );
    await bump(mine, { environment: 'staging', app: 'app-01', imageTag: 'mine', push: true });
    expect(git(mine.root, 'status', '--porcelain')).toBe('?? NOTES.md');
    expect(fixture.originLog().slice(0, 2)).toEqual([
      'deploy(staging): app-01 1.0.0 -> mine',
      'deploy(staging): app-02 1.0.0 -> theirs',
    ]);
  });
});
