import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { discoverApps } from './discover-apps.js';
import { defaultRepository } from './environment.js';
import { testEnvironment } from './testing/index.js';

let root: string;
const file = async (path: string) => {
  await mkdir(join(root, path, '..'), { recursive: true });
  await writeFile(join(root, path), '');
};

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'discover-apps-'));
  await mkdir(join(root, 'apps'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('discoverApps', () => {
  it('finds every app folder with a chart, sorted, and nothing else', async () => {
    await file('apps/payments/deploy/src/chart.ts');
    await file('apps/orders/deploy/src/chart.ts');
    await file('apps/orders/src/main.ts');
    await file('apps/half-written/src/main.ts'); // no chart: deploys nothing
    await file('apps/.hidden/deploy/src/chart.ts');
    await file('apps/README.md');
    expect(discoverApps(root)).toEqual(['orders', 'payments']);
  });

  it('finds none in a workspace without apps', () => {
    expect(discoverApps(root)).toEqual([]);
  });
});

describe('defaultRepository', () => {
  it("is the app's repository under the environment's registry", () => {
    expect(defaultRepository(testEnvironment('qa'), 'orders')).toBe('registry.test/qa/orders');
  });
});
