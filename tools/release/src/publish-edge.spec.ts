import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bump } from './commands/bump.js';
import type { ReleaseContext } from './release-context.js';
import { RENDER_ENTRY } from './render-in-child.js';
import { GitFixture, git, treeState } from './testing/git-fixture.js';

let fixture: GitFixture | undefined;
afterEach(async () => {
  await fixture?.remove();
});

/** A render entry (TypeScript, so it needs the tsx loader) that marks the app's directory as its own. */
const NEW_RENDER_ENTRY = `import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
const [command, , root = '', , env = '', , app = '']: string[] = process.argv.slice(2);
mkdirSync(join(root, 'manifests', env, app), { recursive: true });
writeFileSync(join(root, 'manifests', env, app, 'rendered-by.txt'), \`the new code: \${command} \${env} \${app}\`);
`;

/** Pushes a new render entry from `theirs`: code the other clone's process never loaded. */
async function pushRenderEntry(theirs: ReleaseContext, source: string): Promise<void> {
  await mkdir(join(theirs.root, dirname(RENDER_ENTRY)), { recursive: true });
  await writeFile(join(theirs.root, RENDER_ENTRY), source);
  git(theirs.root, 'add', RENDER_ENTRY);
  git(theirs.root, 'commit', '-qm', 'manifests: a new renderer');
  git(theirs.root, 'push', '-q', 'origin', 'main');
}

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
  it('renders with the code a rejected push brought, in a child process, and lands the change', async () => {
    fixture = await GitFixture.create(2);
    const [mine, theirs] = await Promise.all([fixture.clone('mine'), fixture.clone('theirs')]);
    raceBeforePush(mine, 1, async () => {
      // Upstream's render entry now leaves a mark of its own: only a render that loads it writes that mark.
      await pushRenderEntry(theirs, NEW_RENDER_ENTRY);
    });
    const result = await bump(mine, {
      environment: 'staging',
      app: 'app-01',
      imageTag: 'x1',
      push: true,
    });
    expect(result).toMatchObject({ changed: true, attempts: 2 });
    expect(fixture.originFile('manifests/staging/app-01/rendered-by.txt')).toBe(
      'the new code: synth staging app-01',
    );
    expect(fixture.originLog().slice(0, 2)).toEqual([
      'deploy(staging): app-01 1.0.0 -> x1',
      'manifests: a new renderer',
    ]);
    expect(git(mine.root, 'status', '--porcelain')).toBe('');
  });

  it("stops with the new code's render error, leaving the branch where it started", async () => {
    fixture = await GitFixture.create(2);
    const [mine, theirs] = await Promise.all([fixture.clone('mine'), fixture.clone('theirs')]);
    raceBeforePush(mine, 1, async () => {
      await pushRenderEntry(
        theirs,
        "console.error('error: the new renderer refuses');\nprocess.exit(1);\n",
      );
    });
    const before = treeState(mine.root);
    await expect(
      bump(mine, { environment: 'staging', app: 'app-01', imageTag: 'x4', push: true }),
    ).rejects.toThrow(
      'rendering app-01 in staging with the new code failed (exit 1): error: the new renderer refuses',
    );
    expect(treeState(mine.root)).toBe(before);
    expect(fixture.originLog().filter((subject) => subject.includes('app-01'))).toEqual([]);
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
