import type { AppChartClass, AppChartProps } from '@platform/workloads';
import { ApiObject } from 'cdk8s';
import type { Construct } from 'constructs';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { manifestLocation, type ManifestFile } from '../manifest-file.js';
import { synth, ValidationFailedError } from '../pipeline.js';
import { FixtureWebChart, fixtureWorkspace, writeImage } from '../testing/fixture-workspace.js';
import { createTempWorkspace, removeTempWorkspace } from '../testing/temp-workspace.js';
import { writeManifests } from './write-manifests.js';

let root: string;
const file = (app: string, name: string, content: string): ManifestFile => ({
  ...manifestLocation('test-stage', app, name),
  content,
});
const scope = { environments: ['test-stage'] };

/** Every file under manifests/ with its bytes, inode and mtime: what "untouched" means. */
async function fingerprint(): Promise<Record<string, string>> {
  const base = join(root, 'manifests');
  const entries = await readdir(base, { recursive: true, withFileTypes: true });
  const result: Record<string, string> = {};
  for (const entry of entries.filter((e) => e.isFile())) {
    const path = join(entry.parentPath, entry.name);
    const { ino, mtimeMs } = await stat(path);
    result[path.slice(base.length + 1)] = `${ino} ${mtimeMs} ${await readFile(path, 'utf8')}`;
  }
  return result;
}
const allNames = async () =>
  (await readdir(join(root, 'manifests'), { recursive: true })).map(String).sort();

beforeEach(async () => {
  root = await createTempWorkspace();
});
afterEach(async () => {
  await removeTempWorkspace(root);
});

describe('writeManifests', () => {
  it('rewrites only the files whose content changed; the others keep their inode and mtime', async () => {
    await writeManifests(
      root,
      [file('orders', 'a.yaml', 'a\n'), file('orders', 'b.yaml', 'b\n')],
      scope,
    );
    const before = await fingerprint();
    const written = await writeManifests(
      root,
      [
        file('orders', 'a.yaml', 'a\n'),
        file('orders', 'b.yaml', 'b2\n'),
        file('orders', 'c.yaml', 'c\n'),
      ],
      scope,
    );
    const after = await fingerprint();
    expect(written).toEqual(['test-stage']);
    expect(after['test-stage/orders/a.yaml']).toBe(before['test-stage/orders/a.yaml']);
    expect(after['test-stage/orders/b.yaml']).toMatch(/ b2\n$/);
    expect(after['test-stage/orders/c.yaml']).toMatch(/ c\n$/);
    expect(
      await writeManifests(root, [file('orders', 'a.yaml', 'a\n')], {
        ...scope,
        apps: ['payments'],
      }),
    ).toEqual([]);
  });

  it('deletes the files the render no longer produces, then the directories left empty', async () => {
    await writeManifests(
      root,
      [file('orders', 'a.yaml', 'a\n'), file('payments', 'p.yaml', 'p\n')],
      scope,
    );
    await mkdir(join(root, 'manifests/test-stage/orders/old/deeper'), { recursive: true });
    await writeFile(join(root, 'manifests/test-stage/orders/old/deeper/x.yaml'), 'x');
    await writeFile(join(root, 'manifests/test-stage/stray.yaml'), 'x');
    await writeManifests(root, [file('payments', 'p.yaml', 'p\n')], scope);
    expect(await allNames()).toEqual([
      'test-stage',
      'test-stage/payments',
      'test-stage/payments/p.yaml',
    ]);
  });

  it("touches only the apps in scope: another app's files stay, stale or not", async () => {
    await writeManifests(
      root,
      [file('orders', 'a.yaml', 'a\n'), file('payments', 'p.yaml', 'p\n')],
      scope,
    );
    await writeFile(join(root, 'manifests/test-stage/payments/stale.yaml'), 'x');
    const payments = await fingerprint();
    await writeManifests(root, [file('orders', 'a.yaml', 'a2\n')], { ...scope, apps: ['orders'] });
    const after = await fingerprint();
    for (const name of ['test-stage/payments/p.yaml', 'test-stage/payments/stale.yaml'])
      expect(after[name]).toBe(payments[name]);
  });

  it('leaves no temporary file behind', async () => {
    await writeManifests(root, [file('orders', 'a.yaml', 'a\n')], scope);
    await writeManifests(root, [file('orders', 'a.yaml', 'a2\n')], scope);
    expect(await allNames()).toEqual([
      'test-stage',
      'test-stage/orders',
      'test-stage/orders/a.yaml',
    ]);
  });
});

/** Renders a plain Secret, which validation refuses. */
class PlainSecretChart extends FixtureWebChart {
  constructor(scope: Construct, props: AppChartProps) {
    super(scope, props);
    new ApiObject(this, 'secret', {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'db', namespace: this.app },
    });
  }
}

describe('synth', () => {
  it('writes nothing when validation refuses the render: the tree stays byte for byte, inode and mtime', async () => {
    const apps: Record<string, AppChartClass> = { orders: FixtureWebChart };
    await writeImage(root, 'test-stage', 'orders', 'ghcr.io/acme/orders:1.0.0');
    await synth(fixtureWorkspace(root, apps));
    const before = await fingerprint();
    await writeImage(root, 'test-stage', 'orders', 'ghcr.io/acme/orders:1.1.0');
    apps['orders'] = PlainSecretChart;
    await expect(synth(fixtureWorkspace(root, apps))).rejects.toThrow(ValidationFailedError);
    expect(await fingerprint()).toEqual(before);
  });
});
