import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GitFixture, REPOSITORY, git } from '../testing/git-fixture.js';
import type { ReleaseContext } from '../release-context.js';
import { bump } from './bump.js';
import { diff } from './diff.js';
import { formatStatus, status } from './status.js';

let fixture: GitFixture;
let context: ReleaseContext;
let base: string;
beforeAll(async () => {
  fixture = await GitFixture.create(3);
  context = await fixture.clone('status');
  base = git(context.root, 'rev-parse', 'HEAD');
  await bump(context, { environment: 'staging', app: 'app-01', imageTag: '3.0.0' });
  await bump(context, { environment: 'production', app: 'app-03', imageTag: '3.3.3' });
});
afterAll(async () => {
  await fixture.remove();
});

describe('status', () => {
  it('lists every environment × app with its image and the commit that set it', async () => {
    const rows = await status(context);
    expect(rows).toHaveLength(6);
    expect(rows.find((r) => r.environment === 'staging' && r.app === 'app-01')).toMatchObject({
      image: `${REPOSITORY}/app-01:3.0.0`,
      commit: expect.stringMatching(/^[0-9a-f]{12} deploy\(staging\): app-01 1\.0\.0 -> 3\.0\.0$/),
    });
    expect(rows.find((r) => r.environment === 'production' && r.app === 'app-01')?.commit).toMatch(
      / initial$/,
    );
    expect(formatStatus(rows).split('\n')[0]).toMatch(/^ENVIRONMENT\s+APP\s+IMAGE\s+SET BY$/);
  });
});

describe('diff', () => {
  it('groups rendered changes by environment and app', async () => {
    const text = await diff(context, { base });
    expect(text).toContain('== production/app-03: 1 changed');
    expect(text).toContain('== staging/app-01: 1 changed');
    expect(text).toMatch(/^-.*image: registry\.example\.com\/team\/app-01:1\.0\.0$/m);
    expect(text).toMatch(/^\+.*image: registry\.example\.com\/team\/app-01:3\.0\.0$/m);
    expect(text).not.toContain('/deploy/images/');
  });

  it('renders markdown for a pull-request comment', async () => {
    const markdown = await diff(context, { base, format: 'markdown' });
    expect(markdown).toMatch(/^### Rendered manifest changes \([0-9a-f]{12}\.\.[0-9a-f]{12}\)/);
    expect(markdown).toContain('#### `staging/app-01`: 1 changed');
    expect(markdown).toContain('```diff');
    expect(markdown).toContain('<code>manifests/staging/app-01/deployment-app-01.yaml</code>');
  });

  it('cuts to fit and says what it cut', async () => {
    const cut = await diff(context, { base, format: 'markdown', maxBytes: 1500 });
    expect(Buffer.byteLength(cut)).toBeLessThanOrEqual(1500);
    expect(cut).toMatch(/\d of 2 changed files are not shown, to stay under 1500 bytes/);
  });

  it('says so when nothing changed', async () => {
    expect(await diff(context, { base: 'HEAD', head: 'HEAD' })).toContain(
      'No rendered manifest changes.',
    );
  });

  it("shows what a branch changes since it left the base, not the base's later commits reversed", async () => {
    git(context.root, 'switch', '-q', '-c', 'feature');
    await bump(context, { environment: 'staging', app: 'app-02', imageTag: 'feature' });
    git(context.root, 'switch', '-q', 'main');
    await bump(context, { environment: 'staging', app: 'app-03', imageTag: 'merged-meanwhile' });
    const text = await diff(context, { base: 'main', head: 'feature' });
    expect(text).toContain('== staging/app-02: 1 changed');
    expect(text).not.toContain('app-03');
  });

  it('names a ref that does not exist', async () => {
    await expect(diff(context, { base: 'nope' })).rejects.toThrow(
      "'nope' is not a commit in this repository",
    );
  });
});
