import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from './cli.js';
import { EveryKindChart } from './testing/charts/every-kind-chart.js';
import { fixtureWorkspace, writeImage } from './testing/fixture-workspace.js';
import {
  captureIo,
  createTempWorkspace,
  removeTempWorkspace,
  snapshotTree,
} from './testing/temp-workspace.js';

const sealed = (namespace: string) => `apiVersion: bitnami.com/v1alpha1
kind: SealedSecret
metadata:
  name: db-credentials
  namespace: ${namespace}
spec:
  encryptedData:
    password: AgB-placeholder-ciphertext-not-a-real-secret
  template:
    metadata:
      name: db-credentials
      namespace: ${namespace}
    type: Opaque
`;

let root: string;
const run = async (...args: string[]) => {
  const { io, err, out } = captureIo();
  const code = await runCli(['--root', root, ...args], io, (r) =>
    fixtureWorkspace(r, { shop: EveryKindChart }),
  );
  return { code, err: err.join('\n'), out: out.join('\n') };
};

beforeEach(async () => {
  root = await createTempWorkspace();
  for (const environment of ['test-stage', 'test-live']) {
    await writeImage(root, environment, 'shop', 'ghcr.io/acme/shop:3.1.0');
    const directory = join(root, 'apps/shop/deploy/sealed-secrets', environment);
    await mkdir(directory, { recursive: true });
    await writeFile(join(directory, 'db-credentials.yaml'), sealed('shop'));
  }
});
afterEach(() => removeTempWorkspace(root));

describe('an app with every workload kind', () => {
  it('renders, and validates with zero problems: schemas, Pod Security "restricted", references', async () => {
    const synth = await run('synth');
    expect(synth.err).toBe('');
    const files = Object.keys(await snapshotTree(join(root, 'manifests/test-stage/shop'))).sort();
    expect(files).toEqual(
      expect.arrayContaining([
        'configmap-shop-config.yaml',
        'cronjob-shop-nightly.yaml',
        'deployment-shop.yaml',
        'deployment-shop-worker.yaml',
        'httproute-shop.yaml',
        'job-shop-migrate.yaml',
        'namespace-shop.yaml',
        'sealedsecret-db-credentials.yaml',
        'statefulset-shop-store.yaml',
      ]),
    );
    const validate = await run('validate');
    expect(validate.err).toBe('');
    expect(validate.out).toMatch(/, 0 problems$/);
  });

  it('refuses at synth a secret the app does not have in an environment, naming it', async () => {
    await writeFile(
      join(root, 'apps/shop/deploy/sealed-secrets/test-live/db-credentials.yaml'),
      '',
    );
    const synth = await run('synth');
    expect(synth.code).toBe(1);
    expect(synth.err).toContain(
      `app 'shop' in 'test-live': WebService 'shop': secrets[0].secret = "db-credentials" is not a secret of this app here (it has none)`,
    );
  });
});
