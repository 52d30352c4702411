import { AppChart, WebService, type AppChartProps } from '@platform/workloads';
import type { Construct } from 'constructs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from './cli.js';
import { FixtureWebChart, fixtureWorkspace, writeImage } from './testing/fixture-workspace.js';
import {
  captureIo,
  createTempWorkspace,
  removeTempWorkspace,
  snapshotTree,
} from './testing/temp-workspace.js';

/** A chart whose props contradict each other: the construct library refuses it. */
class ContradictoryChart extends AppChart {
  constructor(scope: Construct, props: AppChartProps) {
    super(scope, props);
    new WebService(this, 'web', {
      name: this.app,
      image: this.image,
      replicas: { min: 5, max: 3 },
    });
  }
}

let root: string;
let apps: Record<string, typeof FixtureWebChart> = {};
const run = async (...args: string[]) => {
  const { io, out, err } = captureIo();
  const code = await runCli(['--root', root, ...args], io, (r) => fixtureWorkspace(r, apps));
  return { code, out: out.join('\n'), err: err.join('\n') };
};
const files = async () => Object.keys(await snapshotTree(join(root, 'manifests'))).sort();
const deploymentFile = 'manifests/test-stage/orders/deployment-orders.yaml';

beforeEach(async () => {
  root = await createTempWorkspace();
  apps = { orders: FixtureWebChart, payments: FixtureWebChart };
  await writeImage(root, 'test-stage', 'orders', 'ghcr.io/acme/orders:1.0.0');
  await writeImage(root, 'test-live', 'orders', 'ghcr.io/acme/orders:0.9.0');
  await writeImage(root, 'test-stage', 'payments', 'ghcr.io/acme/payments:2.0.0');
});
afterEach(async () => {
  await removeTempWorkspace(root);
});

describe('manifests CLI', () => {
  it('render writes every app where it has an image, prints the table and leaves nothing to re-render', async () => {
    const result = await run('render');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/^ENVIRONMENT\s+APP\s+IMAGE\s+REPLICAS$/m);
    expect(result.out).toMatch(/^test-stage\s+orders\s+ghcr\.io\/acme\/orders:1\.0\.0\s+2-5$/m);
    expect(result.out).toMatch(/^test-live\s+orders\s+ghcr\.io\/acme\/orders:0\.9\.0\s+3-9$/m);
    expect(result.out).toMatch(/^test-stage\s+payments\s+\S+payments:2\.0\.0\s+2-5$/m);
    expect(result.out).toContain('not in test-live: payments (no image there yet');
    expect(result.out).toContain('0 validation problems');
    const apps = (await files()).filter((f) => !f.includes('/_platform/'));
    const objects = apps.filter((f) => !f.endsWith('/kustomization.yaml'));
    expect(objects).toHaveLength(27);
    // One per environment and one per app directory.
    expect(apps.filter((f) => f.endsWith('/kustomization.yaml')).sort()).toEqual([
      'test-live/kustomization.yaml',
      'test-live/orders/kustomization.yaml',
      'test-stage/kustomization.yaml',
      'test-stage/orders/kustomization.yaml',
      'test-stage/payments/kustomization.yaml',
    ]);
    expect((await files()).some((f) => f.startsWith('test-live/payments/'))).toBe(false);
    expect((await run('check-fresh')).code).toBe(0);
    const total = (await files()).length;
    expect((await run('validate')).out).toBe(
      `validate: ${total - 5} objects in ${total} files, 0 problems`,
    );
  });

  it("render writes each environment's platform layer, with its aws/ and local/ subdirectories", async () => {
    await run('render');
    for (const environment of ['test-stage', 'test-live']) {
      expect(await files()).toEqual(
        expect.arrayContaining([
          `${environment}/_platform/application-argocd.yaml`,
          `${environment}/_platform/applicationset-${environment}.yaml`,
          `${environment}/_platform/aws/application-external-dns.yaml`,
          `${environment}/_platform/aws/clusterissuer-platform.yaml`,
          `${environment}/_platform/local/clusterissuer-platform.yaml`,
        ]),
      );
    }
  });

  it('synth removes a stale platform file and its emptied directory; check-fresh sees a platform edit', async () => {
    await run('synth');
    await mkdir(join(root, 'manifests/test-stage/_platform/retired'), { recursive: true });
    await writeFile(join(root, 'manifests/test-stage/_platform/retired/application-x.yaml'), 'x');
    await run('synth');
    expect((await files()).some((f) => f.includes('/retired/'))).toBe(false);
    const gateway = join(root, 'manifests/test-stage/_platform/gateway-edge.yaml');
    await writeFile(gateway, `${await readFile(gateway, 'utf8')}# edited\n`);
    const fresh = await run('check-fresh');
    expect(fresh.code).not.toBe(0);
    expect(fresh.out + fresh.err).toContain('manifests/test-stage/_platform/gateway-edge.yaml');
  });

  it('synth a second time changes nothing on disk', async () => {
    await run('synth');
    const before = await snapshotTree(join(root, 'manifests'));
    expect((await run('synth')).out).toContain('no changes');
    expect(await snapshotTree(join(root, 'manifests'))).toEqual(before);
  });

  it('synth removes stale files, apps that left and environments that no longer exist', async () => {
    await run('synth');
    await writeFile(join(root, 'manifests/test-stage/orders/configmap-old.yaml'), 'x');
    await mkdir(join(root, 'manifests/qa/orders'), { recursive: true });
    await writeFile(join(root, 'manifests/qa/orders/x.yaml'), 'x');
    await rm(join(root, 'apps/payments/deploy/images/test-stage.yaml'));
    const result = await run('synth');
    expect(result.out).toContain('removed qa');
    const after = await files();
    expect(after.some((f) => f.includes('configmap-old') || f.startsWith('qa/'))).toBe(false);
    expect(after.some((f) => f.includes('/payments/'))).toBe(false);
  });

  it('synth --env renders one environment only', async () => {
    const result = await run('synth', '--env', 'test-stage');
    expect(result.code).toBe(0);
    expect((await files()).every((f) => f.startsWith('test-stage/'))).toBe(true);
  });

  it("synth --app writes only that app's directories, in every environment", async () => {
    await run('synth');
    await writeImage(root, 'test-stage', 'orders', 'ghcr.io/acme/orders:1.1.0');
    await writeImage(root, 'test-stage', 'payments', 'ghcr.io/acme/payments:2.1.0');
    const result = await run('synth', '--app', 'orders');
    expect(result.out).toContain('updated test-stage');
    expect(await readFile(join(root, deploymentFile), 'utf8')).toContain('orders:1.1.0');
    expect(
      await readFile(join(root, 'manifests/test-stage/payments/deployment-payments.yaml'), 'utf8'),
    ).toContain('payments:2.0.0');
  });

  it('synth --app runs beside renders of other apps (Nx runs them in parallel)', async () => {
    await run('synth');
    // Another app's render is writing a file right now; this app's was killed mid-write earlier.
    const others = join(
      root,
      'manifests/test-stage/payments/.service-payments.yaml.0123456789ab.tmp',
    );
    const leftover = join(
      root,
      'manifests/test-stage/orders/.service-orders.yaml.ba9876543210.tmp',
    );
    for (const file of [others, leftover]) await writeFile(file, 'kind: Service\n');
    expect((await run('synth', '--app', 'orders')).code).toBe(0);
    expect(await readFile(others, 'utf8')).toBe('kind: Service\n');
    await expect(readFile(leftover, 'utf8')).rejects.toThrow();
    await rm(others);

    const results = await Promise.all([
      run('synth', '--app', 'orders'),
      run('synth', '--app', 'payments'),
    ]);
    expect(results.map((r) => r.code)).toEqual([0, 0]);
    expect(await files()).toEqual(
      expect.arrayContaining([
        'test-stage/orders/deployment-orders.yaml',
        'test-stage/payments/deployment-payments.yaml',
      ]),
    );
  });

  it('an app enters an environment with its first image there, and only then', async () => {
    await run('synth');
    expect((await files()).some((f) => f.startsWith('test-live/payments/'))).toBe(false);
    await writeImage(root, 'test-live', 'payments', 'ghcr.io/acme/payments:2.0.0');
    await run('synth', '--app', 'payments');
    expect(await files()).toContain('test-live/payments/deployment-payments.yaml');
  });

  it('check-fresh lists hand edits, missing and stale files, and fails', async () => {
    await run('synth');
    await writeFile(
      join(root, deploymentFile),
      (await readFile(join(root, deploymentFile), 'utf8')) + '# edited\n',
    );
    await rm(join(root, 'manifests/test-live/orders/service-orders.yaml'));
    await writeFile(join(root, 'manifests/test-stage/orders/extra.yaml'), 'x');
    const result = await run('check-fresh');
    expect(result.code).toBe(1);
    expect(result.err).toContain('manifests/ is out of date');
    expect(result.err).toContain(`differs   ${deploymentFile}`);
    expect(result.err).toContain('missing   manifests/test-live/orders/service-orders.yaml');
    expect(result.err).toContain('stale     manifests/test-stage/orders/extra.yaml');
  });

  it('validate reports a hand-edited file and exits non-zero', async () => {
    await run('synth');
    const text = await readFile(join(root, deploymentFile), 'utf8');
    await writeFile(
      join(root, deploymentFile),
      text.replace('readOnlyRootFilesystem: true', 'readOnlyRootFilesystem: false'),
    );
    const result = await run('validate');
    expect(result.code).toBe(1);
    expect(result.err).toContain(
      `${deploymentFile}: Deployment/orders: container 'orders' has a writable root filesystem`,
    );
  });

  it('validate fails when nothing has been rendered', async () => {
    const result = await run('validate');
    expect(result.code).toBe(1);
    expect(result.err).toBe('error: manifests/ holds no rendered files; run `npm run synth`');
  });

  describe('bad input: one clear error, non-zero exit, manifests/ untouched', () => {
    const cases: [string, () => Promise<unknown>, string[], string][] = [
      [
        'an unknown environment',
        async () => undefined,
        ['synth', '--env', 'qa'],
        "error: unknown environment 'qa' (known: test-stage, test-live)",
      ],
      [
        'an unknown app',
        async () => undefined,
        ['synth', '--app', 'billing'],
        "error: unknown app 'billing': no apps/billing/deploy/src/chart.ts (known: orders, payments)",
      ],
      [
        'latest as a tag',
        () =>
          writeFile(
            join(root, 'apps/orders/deploy/images/test-stage.yaml'),
            'image: ghcr.io/acme/orders:latest\n',
          ),
        ['synth'],
        "error: apps/orders/deploy/images/test-stage.yaml: invalid image reference 'ghcr.io/acme/orders:latest': tag 'latest' is mutable; pin an immutable tag (such as the git SHA) or a digest",
      ],
      [
        'a malformed image file',
        () => writeFile(join(root, 'apps/orders/deploy/images/test-live.yaml'), 'image: [\n'),
        ['render'],
        'error: apps/orders/deploy/images/test-live.yaml: is not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ] at line 2, column 1:',
      ],
      [
        'a chart whose props contradict each other',
        () => Promise.resolve((apps['payments'] = ContradictoryChart)),
        ['synth'],
        "error: app 'payments' in 'test-stage': WebService 'payments': replicas.min = 5 is above replicas.max (3)",
      ],
    ];
    it.each(cases)('%s', async (_case, breakInput, args, message) => {
      await run('synth');
      const before = await snapshotTree(join(root, 'manifests'));
      await breakInput();
      const result = await run(...args);
      expect(result.code).toBe(1);
      expect(result.err.split('\n')[0]).toBe(message);
      expect(result.err).not.toContain('    at ');
      expect(await snapshotTree(join(root, 'manifests'))).toEqual(before);
    });
  });

  it('rejects an unknown command with a usage error', async () => {
    const result = await run('deploy');
    expect(result.code).toBe(1);
    expect(result.err).toContain("unknown command 'deploy'");
  });
});
