import { describe, expect, it } from 'vitest';
import { expectRestrictedPod } from '../testing/restricted-pod.js';
import { find, podSpecOf, SHOP_IMAGE, synthApp } from '../testing/synth-helpers.js';
import { WebService } from '../web-service.js';
import { MigrationJob } from './migration-job.js';

const objects = synthApp((chart) => {
  new MigrationJob(chart, 'migrate', {
    name: 'shop-migrate',
    image: SHOP_IMAGE,
    command: ['node', 'dist/migrate.js'],
  });
  new WebService(chart, 'web', { name: 'shop', image: SHOP_IMAGE });
});
const job = find(objects, 'Job', 'shop-migrate');
const wave = (kind: string, name: string) =>
  find(objects, kind, name).metadata.annotations?.['argocd.argoproj.io/sync-wave'];

describe('MigrationJob', () => {
  it('is an Argo CD hook that runs before the workloads, and goes once it succeeded', () => {
    expect(job.metadata.annotations).toEqual({
      'argocd.argoproj.io/hook': 'Sync',
      'argocd.argoproj.io/sync-wave': '-1',
      'argocd.argoproj.io/hook-delete-policy': 'BeforeHookCreation,HookSucceeded',
    });
    expect(wave('Deployment', 'shop')).toBeUndefined();
  });

  it('finds what it needs already there: namespace, account and policies in an earlier wave', () => {
    for (const [kind, name] of [
      ['Namespace', 'shop'],
      ['NetworkPolicy', 'default-deny-all'],
      ['ServiceAccount', 'shop-migrate'],
      ['NetworkPolicy', 'shop-migrate-egress'],
    ] as const) {
      expect(wave(kind, name), `${kind}/${name}`).toBe('-2');
    }
  });

  it('runs its command once, restricted, without retrying forever', () => {
    const spec = podSpecOf(job);
    expectRestrictedPod(spec);
    expect(spec.containers[0].command).toEqual(['node', 'dist/migrate.js']);
    expect(spec.restartPolicy).toBe('Never');
    expect(job.spec).toMatchObject({ backoffLimit: 1, activeDeadlineSeconds: 600 });
  });

  it('refuses an empty command, naming the prop', () => {
    expect(() =>
      synthApp(
        (chart) =>
          new MigrationJob(chart, 'm', { name: 'shop-migrate', image: SHOP_IMAGE, command: [] }),
      ),
    ).toThrow("MigrationJob 'shop-migrate': command = [] must not be empty");
  });
});
