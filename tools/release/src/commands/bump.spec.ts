import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GitFixture, REPOSITORY, git } from '../testing/git-fixture.js';
import { bump } from './bump.js';

const DIGEST = `sha256:${'ab'.repeat(32)}`;
let fixture: GitFixture;
beforeAll(async () => {
  fixture = await GitFixture.create(2, [], ['fresh']);
});
afterAll(async () => {
  await fixture.remove();
});

const deployment = (root: string, environment: string, app: string) =>
  readFile(join(root, `manifests/${environment}/${app}/deployment-${app}.yaml`), 'utf8');

describe('bump', () => {
  it('writes the image, re-renders that app in that environment and commits both, with the message and trailers', async () => {
    const context = await fixture.clone('bump-happy');
    const result = await bump(context, {
      environment: 'staging',
      app: 'app-01',
      imageTag: '1.1.0',
      sourceCommit: 'cafe123',
    });
    expect(result).toMatchObject({
      changed: true,
      old: `${REPOSITORY}/app-01:1.0.0`,
      image: `${REPOSITORY}/app-01:1.1.0`,
    });
    const message = git(context.root, 'log', '-1', '--format=%B');
    expect(message).toBe(
      `deploy(staging): app-01 1.0.0 -> 1.1.0\n\nSource-Commit: cafe123\nImage: ${REPOSITORY}/app-01:1.1.0`,
    );
    expect(
      git(context.root, 'show', '--name-only', '--format=', 'HEAD').split('\n').sort(),
    ).toEqual([
      'apps/app-01/deploy/images/staging.yaml',
      'manifests/staging/app-01/deployment-app-01.yaml',
    ]);
    expect(await deployment(context.root, 'staging', 'app-01')).toContain(
      `image: ${REPOSITORY}/app-01:1.1.0`,
    );
    expect(await deployment(context.root, 'production', 'app-01')).toContain(
      `image: ${REPOSITORY}/app-01:1.0.0`,
    );
    expect(git(context.root, 'status', '--porcelain')).toBe('');
  });

  it('bumps by digest', async () => {
    const context = await fixture.clone('bump-digest');
    await bump(context, { environment: 'production', app: 'app-02', imageDigest: DIGEST });
    expect(git(context.root, 'log', '-1', '--format=%s')).toBe(
      `deploy(production): app-02 1.0.0 -> sha256:${'ab'.repeat(6)}`,
    );
    expect(await deployment(context.root, 'production', 'app-02')).toContain(
      `image: ${REPOSITORY}/app-02@${DIGEST}`,
    );
  });

  it('names the full references when the repository changes too', async () => {
    const context = await fixture.clone('bump-repository');
    await bump(context, {
      environment: 'staging',
      app: 'app-02',
      imageTag: '1.0.0',
      repository: 'registry.example.com/moved/app-02',
    });
    expect(git(context.root, 'log', '-1', '--format=%s')).toBe(
      `deploy(staging): app-02 ${REPOSITORY}/app-02:1.0.0 -> registry.example.com/moved/app-02:1.0.0`,
    );
  });

  it('is idempotent: the same bump twice makes one commit', async () => {
    const context = await fixture.clone('bump-twice');
    const before = git(context.root, 'rev-parse', 'HEAD');
    await bump(context, { environment: 'staging', app: 'app-02', imageTag: '2.0.0' });
    const after = git(context.root, 'rev-parse', 'HEAD');
    expect(
      await bump(context, { environment: 'staging', app: 'app-02', imageTag: '2.0.0' }),
    ).toMatchObject({ changed: false });
    expect(git(context.root, 'rev-parse', 'HEAD')).toBe(after);
    expect(git(context.root, 'rev-list', '--count', `${before}..HEAD`)).toBe('1');
  });

  it('pushes with --push', async () => {
    const context = await fixture.clone('bump-push');
    const result = await bump(context, {
      environment: 'staging',
      app: 'app-01',
      imageTag: 'push-1',
      push: true,
    });
    expect(result).toMatchObject({ changed: true, attempts: 1 });
    expect(fixture.originFile('apps/app-01/deploy/images/staging.yaml')).toContain(
      `image: ${REPOSITORY}/app-01:push-1`,
    );
  });

  it("renders only the bumped app: another app's files, even stale ones, are left as they are", async () => {
    const context = await fixture.clone('bump-one-app');
    const other = join(context.root, 'manifests/staging/app-02/service-app-02.yaml');
    await writeFile(other, `${await readFile(other, 'utf8')}# hand edit\n`);
    git(context.root, 'commit', '-qam', 'hand edit');
    await bump(context, { environment: 'staging', app: 'app-01', imageTag: '1.3.0' });
    expect(git(context.root, 'show', '--name-only', '--format=', 'HEAD').split('\n')).toEqual([
      'apps/app-01/deploy/images/staging.yaml',
      'manifests/staging/app-01/deployment-app-01.yaml',
    ]);
    expect(await readFile(other, 'utf8')).toContain('# hand edit');
  });

  it("gives a new app its first image from the environment's registry, in that environment only", async () => {
    const context = await fixture.clone('bump-new-app');
    expect(git(context.root, 'ls-files', 'manifests/staging/fresh')).toBe('');
    const result = await bump(context, {
      environment: 'staging',
      app: 'fresh',
      imageDigest: DIGEST,
    });
    expect(result).toMatchObject({ changed: true, image: `registry.test/staging/fresh@${DIGEST}` });
    expect(git(context.root, 'log', '-1', '--format=%s')).toBe(
      `deploy(staging): fresh (none) -> sha256:${'ab'.repeat(6)}`,
    );
    expect(git(context.root, 'ls-files', 'manifests/staging/fresh')).toContain(
      'manifests/staging/fresh/deployment-fresh.yaml',
    );
    expect(git(context.root, 'ls-files', 'manifests/production/fresh')).toBe('');
    expect(git(context.root, 'status', '--porcelain')).toBe('');
  });
});
