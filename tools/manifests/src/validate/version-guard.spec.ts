import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../cli.js';
import { renderWorkspace } from '../pipeline.js';
import { fixtureWorkspace, writeImage } from '../testing/fixture-workspace.js';
import {
  captureIo,
  createTempWorkspace,
  removeTempWorkspace,
  writeClusterStack,
} from '../testing/temp-workspace.js';
import { checkVersionGuard } from './version-guard.js';

let root: string;
beforeEach(async () => {
  root = await createTempWorkspace();
  for (const environment of ['test-stage', 'test-live'])
    await writeImage(root, environment, 'orders', 'ghcr.io/acme/orders:1.0.0');
});
afterEach(() => removeTempWorkspace(root));

const rendered = async () => (await renderWorkspace(fixtureWorkspace(root))).files;
const today = new Date('2026-12-02');

describe('checkVersionGuard', () => {
  it('accepts on 1.35 everything the workspace renders, apps and platform layer', async () => {
    for (const environment of ['test-stage', 'test-live'])
      await writeClusterStack(root, environment, '1.35');
    const files = await rendered();
    expect(files.some((f) => f.object.kind === 'HorizontalPodAutoscaler')).toBe(true);
    expect(files.some((f) => f.file.includes('/_platform/'))).toBe(true);
    const { problems } = await checkVersionGuard(root, files, { today });
    expect(problems).toEqual([]);
  });

  it('refuses on 1.22 the HorizontalPodAutoscaler, in that environment only', async () => {
    await writeClusterStack(root, 'test-live', '1.22');
    const { problems } = await checkVersionGuard(root, await rendered(), { today });
    expect(problems.map((p) => `${p.file}: ${p.object}: ${p.message}`)).toEqual([
      expect.stringMatching(
        /^manifests\/test-live\/orders\/horizontalpodautoscaler-orders\.yaml: HorizontalPodAutoscaler\/orders: API autoscaling\/v2 HorizontalPodAutoscaler is not served by Kubernetes 1\.22 \(served from 1\.23\)/,
      ),
    ]);
  });

  it('refuses, in an environment of many clusters, what the newest removed though the oldest serves it', async () => {
    await writeClusterStack(root, 'test-live-a', '1.21');
    await writeClusterStack(root, 'test-live-b', '1.25');
    const ingress = (apiVersion: string) => ({
      environment: 'test-live',
      app: 'orders',
      file: `manifests/test-live/orders/ingress-${apiVersion.replace('/', '-')}.yaml`,
      object: { apiVersion, kind: 'Ingress', metadata: { name: 'orders', namespace: 'orders' } },
    });
    // extensions/v1beta1 is gone in 1.22; networking.k8s.io/v1 came in 1.19: both clusters
    // serve only the second.
    const { problems } = await checkVersionGuard(
      root,
      [ingress('extensions/v1beta1'), ingress('networking.k8s.io/v1')],
      { today, stacksOf: () => ['test-live-a', 'test-live-b'] },
    );
    expect(problems.map((p) => `${p.file}: ${p.message}`)).toEqual([
      expect.stringMatching(
        /ingress-extensions-v1beta1\.yaml: API extensions\/v1beta1 Ingress is not served by Kubernetes 1\.25 \(removed in 1\.22\), the target set by infra-cluster:kubernetesVersion in infra\/cluster\/Pulumi\.test-live-b\.yaml/,
      ),
    ]);
  });

  it('reports the missing stack file of an environment that renders', async () => {
    await rm(join(root, 'infra/cluster/Pulumi.test-live.yaml'));
    const { problems } = await checkVersionGuard(root, await rendered(), { today });
    expect(problems.map((p) => p.file)).toEqual(['infra/cluster/Pulumi.test-live.yaml']);
  });
});

describe('manifests validate', () => {
  const run = async (...args: string[]) => {
    const { io, out, err } = captureIo();
    const code = await runCli(['--root', root, ...args], io, (r) => fixtureWorkspace(r));
    return { code, out: out.join('\n'), err: err.join('\n') };
  };

  it('prints the warnings and still passes', async () => {
    await run('synth');
    await writeClusterStack(root, 'test-stage', '1.35');
    const result = await run('validate');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/, 0 problems$/);
    expect(result.err).toMatch(
      /^warning: Kubernetes 1\.35 \(test-stage\): the construct library uses cdk8s-plus-\d+/m,
    );
  });

  it('fails naming the object, the API and the version', async () => {
    await run('synth');
    await writeClusterStack(root, 'test-stage', '1.22');
    const result = await run('validate');
    expect(result.code).toBe(1);
    expect(result.err).toContain(
      'HorizontalPodAutoscaler/orders: API autoscaling/v2 HorizontalPodAutoscaler is not served by Kubernetes 1.22',
    );
  });
});
