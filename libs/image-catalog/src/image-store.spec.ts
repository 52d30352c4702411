import { mkdtemp, readFile, readdir, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ImageFileError } from './image-file.js';
import { ImageStore, ImageStoreError } from './image-store.js';

let root: string;
let store: ImageStore;
const put = async (environment: string, app: string, text: string) => {
  await mkdir(join(root, 'apps', app, 'deploy/images'), { recursive: true });
  await writeFile(store.absolutePath(environment, app), text);
};

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'image-store-'));
  store = new ImageStore(root);
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('ImageStore', () => {
  it('keeps one file per environment and app', () => {
    expect(store.relativePath('staging', 'orders')).toBe('apps/orders/deploy/images/staging.yaml');
  });

  it('writes a file with a header and reads the same reference back', async () => {
    expect(
      await store.write('staging', 'orders', { repository: 'ghcr.io/acme/orders', tag: 'abc123' }),
    ).toBe(true);
    const text = await readFile(store.absolutePath('staging', 'orders'), 'utf8');
    expect(text).toMatch(/^# The image orders runs in staging\./);
    expect(text).toContain('image: ghcr.io/acme/orders:abc123\n');
    expect(await store.read('staging', 'orders')).toEqual({
      repository: 'ghcr.io/acme/orders',
      tag: 'abc123',
    });
  });

  it('does not rewrite a file that already says the same', async () => {
    await store.write('staging', 'orders', { repository: 'ghcr.io/acme/orders', tag: 'abc123' });
    expect(
      await store.write('staging', 'orders', { repository: 'ghcr.io/acme/orders', tag: 'abc123' }),
    ).toBe(false);
  });

  it('leaves no temporary file behind', async () => {
    await store.write('staging', 'orders', { repository: 'ghcr.io/acme/orders', tag: 'abc123' });
    expect(await readdir(join(root, 'apps/orders/deploy/images'))).toEqual(['staging.yaml']);
  });

  it('says which file is missing and how to create it', async () => {
    const error = await store.read('qa', 'orders').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImageFileError);
    expect((error as ImageFileError).missing).toBe(true);
    expect((error as Error).message).toContain('apps/orders/deploy/images/qa.yaml: does not exist');
    expect(await store.readIfPresent('qa', 'orders')).toBeUndefined();
  });

  it.each([
    ['latest as a tag', 'image: ghcr.io/acme/orders:latest\n', "tag 'latest' is mutable"],
    ['an empty tag', 'image: "ghcr.io/acme/orders:"\n', 'the tag is empty'],
    ['no tag at all', 'image: ghcr.io/acme/orders\n', 'it has no tag'],
    [
      'a malformed digest',
      'image: ghcr.io/acme/orders@sha256:1234\n',
      'is not of the form sha256:',
    ],
    ['a misspelt key', 'imgae: ghcr.io/acme/orders:1.0\n', "unknown key 'imgae'"],
    ['a non-string image', 'image: 42\n', "key 'image'"],
    ['broken YAML', 'image: [unclosed\n', 'is not valid YAML'],
  ])('rejects a file with %s, naming the file', async (_case, text, reason) => {
    await put('staging', 'orders', text);
    const error = await store.read('staging', 'orders').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImageFileError);
    expect((error as Error).message).toContain('apps/orders/deploy/images/staging.yaml: ');
    expect((error as Error).message).toContain(reason);
    expect(await store.readIfPresent('staging', 'orders').catch((e: unknown) => e)).toBeInstanceOf(
      ImageFileError,
    );
  });

  it('reads the images that exist, leaving out apps without one, and lists every bad file', async () => {
    await put('staging', 'a', 'image: r/a:1\n');
    await put('staging', 'b', 'image: r/b:latest\n');
    await put('production', 'b', 'imgae: r/b:1\n');
    await expect(store.readAll(['staging', 'production'], ['a'])).resolves.toEqual([
      { environment: 'staging', app: 'a', image: { repository: 'r/a', tag: '1' } },
    ]);
    const error = await store
      .readAll(['staging', 'production'], ['a', 'b'])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImageStoreError);
    expect((error as ImageStoreError).problems).toHaveLength(2);
  });

  it('lists the apps with an image file per environment without reading them (a malformed one too)', async () => {
    await put('staging', 'a', 'image: r/a:1\n');
    await put('staging', 'b', 'not: an image file\n');
    await put('production', 'b', 'image: r/b:1\n');
    expect(store.deployedApps(['staging', 'production'], ['a', 'b', 'c'])).toEqual([
      { environment: 'staging', app: 'a' },
      { environment: 'staging', app: 'b' },
      { environment: 'production', app: 'b' },
    ]);
  });
});
