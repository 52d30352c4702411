import { Catalog, environments, type App } from '@platform/environments';
import { platformServiceContract } from '@platform/service-contracts';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { imagesToBuild } from './affected-images.js';

let root: string;
const app = (name: string): App => ({
  contract: { ...platformServiceContract, name },
  description: name,
  source: `apps/${name}`,
});
const catalog = new Catalog(environments, [app('orders'), app('billing'), app('docs')]);

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
  it('builds the affected apps that have a Dockerfile, and only those', () => {
    expect(
      imagesToBuild(root, catalog, ['@platform/orders', '@platform/docs', '@platform/workloads']),
    ).toEqual([
      { app: 'orders', project: '@platform/orders', dockerfile: 'apps/orders/Dockerfile' },
    ]);
  });

  it('builds nothing when no app is affected', () => {
    expect(imagesToBuild(root, catalog, ['@platform/manifests'])).toEqual([]);
  });
});
