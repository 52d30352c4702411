import { describe, expect, it } from 'vitest';
import { expectRestrictedPod } from '../testing/restricted-pod.js';
import { find, podSpecOf, SHOP_IMAGE, synthApp } from '../testing/synth-helpers.js';
import { StatefulService } from './stateful-service.js';
import type { StatefulServiceProps } from './stateful-service-props.js';

const synthStateful = (props: Partial<StatefulServiceProps> = {}, storageClassName?: string) =>
  synthApp(
    (chart) =>
      new StatefulService(chart, 'db', {
        name: 'shop-db',
        image: SHOP_IMAGE,
        storage: { sizeGibibytes: 20 },
        ...props,
      }),
    storageClassName ? { environment: { storageClassName } } : {},
  );

describe('StatefulService', () => {
  const objects = synthStateful();
  const set = find(objects, 'StatefulSet', 'shop-db');

  it('claims a gp3 volume per replica and mounts it, writable by the non-root user (fsGroup)', () => {
    expect(set.spec.volumeClaimTemplates).toEqual([
      {
        metadata: {
          name: 'data',
          labels: { 'app.kubernetes.io/name': 'shop-db', 'app.kubernetes.io/instance': 'shop-db' },
        },
        spec: {
          accessModes: ['ReadWriteOnce'],
          storageClassName: 'gp3',
          resources: { requests: { storage: '20Gi' } },
        },
      },
    ]);
    expect(podSpecOf(set).containers[0].volumeMounts).toContainEqual({
      name: 'data',
      mountPath: '/data',
    });
    expectRestrictedPod(podSpecOf(set));
  });

  it('keeps the data when the set is deleted or scaled down, unless told otherwise', () => {
    expect(set.spec.persistentVolumeClaimRetentionPolicy).toEqual({
      whenDeleted: 'Retain',
      whenScaled: 'Retain',
    });
    const disposable = find(
      synthStateful({ retainVolumesOnDelete: false }),
      'StatefulSet',
      'shop-db',
    );
    expect(disposable.spec.persistentVolumeClaimRetentionPolicy.whenDeleted).toBe('Delete');
  });

  it('is governed by a headless Service of its name, and starts and updates in order', () => {
    const service = find(objects, 'Service', 'shop-db');
    expect(service.spec.clusterIP).toBe('None');
    expect(service.spec.selector).toEqual({
      'app.kubernetes.io/name': 'shop-db',
      'app.kubernetes.io/instance': 'shop-db',
    });
    expect(set.spec).toMatchObject({
      serviceName: 'shop-db',
      replicas: 1,
      podManagementPolicy: 'OrderedReady',
      updateStrategy: { type: 'RollingUpdate' },
    });
    expect(find(objects, 'PodDisruptionBudget', 'shop-db').spec.maxUnavailable).toBe(1);
  });

  it("takes the environment's storage class and the chart's size", () => {
    const io2 = find(
      synthStateful({ storage: { sizeGibibytes: 100 } }, 'io2'),
      'StatefulSet',
      'shop-db',
    );
    expect(io2.spec.volumeClaimTemplates[0].spec).toMatchObject({
      storageClassName: 'io2',
      resources: { requests: { storage: '100Gi' } },
    });
  });

  it.each<[string, Partial<StatefulServiceProps>, string]>([
    [
      'a storage size below 1 Gi',
      { storage: { sizeGibibytes: 0.5 } },
      'storage.sizeGibibytes = 0.5 must be a whole number of GiB, at least 1',
    ],
    [
      'a zero size',
      { storage: { sizeGibibytes: 0 } },
      'storage.sizeGibibytes = 0 must be a whole number of GiB',
    ],
    [
      'a volume on a writable path',
      { storage: { sizeGibibytes: 1, mountPath: '/tmp' } },
      'storage.mountPath = "/tmp" must be an absolute directory',
    ],
    [
      'a budget above the replicas',
      { replicas: 2, maxUnavailable: 3 },
      'maxUnavailable = 3 is above replicas (2)',
    ],
  ])('refuses %s, naming the prop and the value', (_case, props, message) => {
    expect(() => synthStateful(props)).toThrow(`StatefulService 'shop-db': ${message}`);
  });
});
