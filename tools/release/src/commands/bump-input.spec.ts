import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GitFixture, git, treeState } from '../testing/git-fixture.js';
import { bump } from './bump.js';

const DIGEST = `sha256:${'ab'.repeat(32)}`;
let fixture: GitFixture;
beforeAll(async () => {
  fixture = await GitFixture.create(2, [], ['fresh']);
});
afterAll(async () => {
  await fixture.remove();
});

describe('bump with bad input: one clear error, and the tree and index exactly as before', () => {
  const cases: [
    string,
    Parameters<typeof bump>[1],
    string | RegExp,
    ((root: string) => Promise<void>)?,
  ][] = [
    [
      'an unknown environment',
      { environment: 'qa', app: 'app-01', imageTag: '1.2.0' },
      "unknown environment 'qa' (known: staging, production)",
    ],
    [
      'an unknown app',
      { environment: 'staging', app: 'ghost', imageTag: '1.2.0' },
      "unknown app 'ghost': no apps/ghost/deploy/src/chart.ts (known: app-01, app-02, fresh)",
    ],
    [
      'latest as a tag',
      { environment: 'staging', app: 'app-01', imageTag: 'latest' },
      "tag 'latest' is mutable",
    ],
    [
      'an invalid tag',
      { environment: 'staging', app: 'app-01', imageTag: '-bad/tag' },
      "tag '-bad/tag' is not a valid OCI tag",
    ],
    [
      'a tag of 129 characters',
      { environment: 'staging', app: 'app-01', imageTag: 'x'.repeat(129) },
      'is not a valid OCI tag',
    ],
    [
      'a malformed digest',
      { environment: 'staging', app: 'app-01', imageDigest: 'sha256:1234' },
      'is not of the form sha256:',
    ],
    [
      'a tag and a digest',
      { environment: 'staging', app: 'app-01', imageTag: '1.2.0', imageDigest: DIGEST },
      'give exactly one of --image-tag',
    ],
    [
      'neither tag nor digest',
      { environment: 'staging', app: 'app-01' },
      'give exactly one of --image-tag',
    ],
    [
      'uncommitted changes in the image file',
      { environment: 'staging', app: 'app-01', imageTag: '1.2.0' },
      'uncommitted changes in the paths this command writes (apps/app-01/deploy/images/staging.yaml)',
      (root) =>
        writeFile(join(root, 'apps/app-01/deploy/images/staging.yaml'), 'image: x/y:hand-edit\n'),
    ],
    [
      "uncommitted changes in the app's rendered directory",
      { environment: 'staging', app: 'app-01', imageTag: '1.2.0' },
      'uncommitted changes in the paths this command writes (manifests/staging/app-01/service-app-01.yaml)',
      (root) => writeFile(join(root, 'manifests/staging/app-01/service-app-01.yaml'), '# edited\n'),
    ],
    [
      'a detached HEAD with --push',
      { environment: 'staging', app: 'app-01', imageTag: '1.2.0', push: true },
      'HEAD is detached',
      async (root) => void git(root, 'checkout', '-q', '--detach', 'HEAD'),
    ],
  ];
  it.each(cases)('%s', async (name, options, message, prepare) => {
    const context = await fixture.clone(`bad-${name.replace(/\W+/g, '-')}`);
    await prepare?.(context.root);
    const before = treeState(context.root);
    await expect(bump(context, options)).rejects.toThrow(message);
    expect(treeState(context.root)).toBe(before);
  });
});
