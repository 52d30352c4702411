import { testCatalog } from '@platform/environments/testing';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { imagesToBuild } from './affected-images.js';

let root: string;
const catalog = testCatalog(['orders', 'billing', 'docs']);

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'affected-images-'));
  for (const name of ['orders', 'billing', 'docs']) {
    await mkdir(join(root, 'apps', name), { recursive: true });
    await writeFile(
      join(root, 'apps', name, 'package.json'),
      JSON.stringify({ name: `@platform/${name}` }),
    );
  }
  await writeFile(join(root, 'apps/orders/Dockerfile'), 'FROM scratch\n');
  await writeFile(join(root, 'apps/billing/Dockerfile'), 'FROM scratch\n');
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('imagesToBuild', () => {
  it("builds the affected apps that have a Dockerfile, and only those, into the environment's registry", () => {
    expect(
      imagesToBuild(
        root,
        catalog,
        ['@platform/orders', '@platform/docs', '@platform/workloads'],
        'test-stage',
      ),
    ).toEqual([
      {
        app: 'orders',
        project: '@platform/orders',
        dockerfile: 'apps/orders/Dockerfile',
        repository: 'registry.test/test-stage/orders',
        repositoryName: 'test-stage/orders',
      },
    ]);
  });

  it("builds nothing when only an app's chart is affected", () => {
    expect(imagesToBuild(root, catalog, ['@platform/orders-deploy'], 'test-stage')).toEqual([]);
  });

  it('names the known environments when given an unknown one', () => {
    expect(() => imagesToBuild(root, catalog, [], 'qa')).toThrow("unknown environment 'qa'");
  });
});
