import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../cli.js';
import { fixtureWorkspace, writeImage } from '../testing/fixture-workspace.js';
import {
  captureIo,
  createTempWorkspace,
  removeTempWorkspace,
  snapshotTree,
} from '../testing/temp-workspace.js';

/** What `kubeseal --format yaml --namespace orders` prints, shortened. */
const SEALED = `apiVersion: bitnami.com/v1alpha1
kind: SealedSecret
metadata:
  creationTimestamp: null
  name: db-credentials
  namespace: orders
spec:
  encryptedData:
    password: AgB-placeholder-ciphertext-not-a-real-secret
  template:
    metadata:
      creationTimestamp: null
      name: db-credentials
      namespace: orders
    type: Opaque
`;

let root: string;
const directory = () => join(root, 'apps/orders/deploy/sealed-secrets/test-stage');
const run = async (...args: string[]) => {
  const { io, err, out } = captureIo();
  const code = await runCli(['--root', root, ...args], io, fixtureWorkspace);
  return { code, err: err.join('\n'), out: out.join('\n') };
};

beforeEach(async () => {
  root = await createTempWorkspace();
  await mkdir(directory(), { recursive: true });
  await writeImage(root, 'test-stage', 'orders', 'ghcr.io/acme/orders:1.0.0');
  await writeImage(root, 'test-live', 'orders', 'ghcr.io/acme/orders:1.0.0');
});
afterEach(async () => {
  await removeTempWorkspace(root);
});

describe('sealed secrets', () => {
  it("renders an app's SealedSecrets into its directory of that environment only, and validates them", async () => {
    await writeFile(join(directory(), 'db-credentials.yaml'), SEALED);
    expect((await run('synth')).code).toBe(0);
    const rendered = await readFile(
      join(root, 'manifests/test-stage/orders/sealedsecret-db-credentials.yaml'),
      'utf8',
    );
    expect(rendered).toContain('kind: SealedSecret');
    expect(rendered).toContain('password: AgB-placeholder-ciphertext-not-a-real-secret');
    expect(rendered).not.toContain('creationTimestamp');
    const files = Object.keys(await snapshotTree(join(root, 'manifests')));
    expect(files.filter((f) => f.includes('sealedsecret'))).toEqual([
      'test-stage/orders/sealedsecret-db-credentials.yaml',
    ]);
    expect((await run('validate')).code).toBe(0);
    expect((await run('check-fresh')).code).toBe(0);
  });

  it.each([
    [
      'a plain Secret',
      SEALED.replace('bitnami.com/v1alpha1', 'v1').replace('kind: SealedSecret', 'kind: Secret'),
      'holds a v1/Secret; only SealedSecrets go here',
    ],
    [
      'a secret sealed for another namespace',
      SEALED.replace(/namespace: orders/g, 'namespace: payments'),
      "is sealed for namespace 'payments'; seal it for 'orders'",
    ],
    [
      'a SealedSecret without encrypted data',
      SEALED.replace('    password: AgB-placeholder-ciphertext-not-a-real-secret\n', '').replace(
        'encryptedData:',
        'encryptedData: {}',
      ),
      '/spec/encryptedData at least one encrypted key',
    ],
    [
      'an unknown field',
      SEALED.replace('  encryptedData:', '  encrytpedData:\n    x: y\n  encryptedData:'),
      'SealedSecret/db-credentials: /spec Unrecognized key: "encrytpedData"',
    ],
  ])('refuses %s, naming the file, and writes nothing', async (_case, text, message) => {
    await run('synth');
    const before = await snapshotTree(join(root, 'manifests'));
    await writeFile(join(directory(), 'db-credentials.yaml'), text);
    const result = await run('synth');
    expect(result.code).toBe(1);
    expect(result.err).toContain(message);
    expect(await snapshotTree(join(root, 'manifests'))).toEqual(before);
  });
});
