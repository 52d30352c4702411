import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTempWorkspace, removeTempWorkspace } from '../testing/temp-workspace.js';
import { readManifestTree } from './manifest-tree.js';

let root: string;
const put = async (path: string) => {
  await mkdir(dirname(join(root, path)), { recursive: true });
  await writeFile(join(root, path), `# ${path}\n`);
};

beforeEach(async () => {
  root = await createTempWorkspace();
  await put('manifests/staging/orders/deployment-orders.yaml');
  await put('manifests/staging/orders/extra/config-map-orders.yaml');
  await put('manifests/staging/billing/deployment-billing.yaml');
  await put('manifests/staging/stray.yaml');
  await put('manifests/production/orders/deployment-orders.yaml');
});
afterEach(() => removeTempWorkspace(root));

describe('readManifestTree', () => {
  it('reads every app directory and the files beside them, recording where each was found', async () => {
    const tree = await readManifestTree(root, ['staging']);
    expect([...tree.keys()].sort()).toEqual([
      'manifests/staging/billing/deployment-billing.yaml',
      'manifests/staging/orders/deployment-orders.yaml',
      'manifests/staging/orders/extra/config-map-orders.yaml',
      'manifests/staging/stray.yaml',
    ]);
    expect(tree.get('manifests/staging/stray.yaml')?.app).toBeUndefined();
    expect(tree.get('manifests/staging/orders/extra/config-map-orders.yaml')).toMatchObject({
      environment: 'staging',
      app: 'orders',
      content: '# manifests/staging/orders/extra/config-map-orders.yaml\n',
    });
  });

  it("reads only the named apps' directories and the files beside them, in every environment asked for", async () => {
    const tree = await readManifestTree(root, ['staging', 'production'], ['orders', 'absent']);
    expect([...tree.keys()].sort()).toEqual([
      'manifests/production/orders/deployment-orders.yaml',
      'manifests/staging/orders/deployment-orders.yaml',
      'manifests/staging/orders/extra/config-map-orders.yaml',
      'manifests/staging/stray.yaml',
    ]);
  });
});
