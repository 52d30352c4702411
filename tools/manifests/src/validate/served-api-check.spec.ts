import { describe, expect, it } from 'vitest';
import { KINDS } from './kinds.js';
import type { ManifestObject } from './problem.js';
import { checkServedApi, type TargetVersion } from './served-api-check.js';
import { CRD_GROUPS, KNOWN_VERSIONS, SERVED_APIS } from './served-apis.js';

const target = (version: string): TargetVersion => ({
  version,
  source: 'infra-cluster:kubernetesVersion in infra/cluster/Pulumi.test-stage.yaml',
});
const object = (apiVersion: string, kind: string, name = 'orders'): ManifestObject => ({
  environment: 'test-stage',
  app: 'orders',
  file: `manifests/test-stage/orders/${kind.toLowerCase()}-${name}.yaml`,
  object: { apiVersion, kind, metadata: { name, namespace: 'orders' } },
});

describe('checkServedApi', () => {
  it('refuses autoscaling/v2 on 1.22 (served from 1.23), naming the object, the API and the version', () => {
    const problems = checkServedApi(
      object('autoscaling/v2', 'HorizontalPodAutoscaler'),
      target('1.22'),
    );
    expect(problems).toEqual([
      {
        file: 'manifests/test-stage/orders/horizontalpodautoscaler-orders.yaml',
        object: 'HorizontalPodAutoscaler/orders',
        check: 'version',
        message:
          'API autoscaling/v2 HorizontalPodAutoscaler is not served by Kubernetes 1.22 (served from 1.23), ' +
          'the target set by infra-cluster:kubernetesVersion in infra/cluster/Pulumi.test-stage.yaml',
        fix:
          'render HorizontalPodAutoscaler as autoscaling/v1 or autoscaling/v2beta1 or autoscaling/v2beta2, ' +
          'or change the target version in infra-cluster:kubernetesVersion in infra/cluster/Pulumi.test-stage.yaml',
      },
    ]);
    expect(
      checkServedApi(object('autoscaling/v2', 'HorizontalPodAutoscaler'), target('1.23')),
    ).toEqual([]);
  });

  it('refuses a removed API: policy/v1beta1 PodDisruptionBudget on 1.25', () => {
    const [problem, ...rest] = checkServedApi(
      object('policy/v1beta1', 'PodDisruptionBudget'),
      target('1.25'),
    );
    expect(rest).toEqual([]);
    expect(problem?.object).toBe('PodDisruptionBudget/orders');
    expect(problem?.message).toContain(
      'API policy/v1beta1 PodDisruptionBudget is not served by Kubernetes 1.25 (removed in 1.25)',
    );
    expect(problem?.fix).toContain('render PodDisruptionBudget as policy/v1');
    expect(checkServedApi(object('policy/v1beta1', 'PodDisruptionBudget'), target('1.24'))).toEqual(
      [],
    );
  });

  it.each([
    ['batch/v1beta1', 'CronJob', '1.25'],
    ['autoscaling/v2beta1', 'HorizontalPodAutoscaler', '1.25'],
    ['autoscaling/v2beta2', 'HorizontalPodAutoscaler', '1.26'],
    ['networking.k8s.io/v1beta1', 'Ingress', '1.22'],
    ['extensions/v1beta1', 'Ingress', '1.22'],
    ['extensions/v1beta1', 'Deployment', '1.16'],
    ['apps/v1beta2', 'StatefulSet', '1.16'],
    ['flowcontrol.apiserver.k8s.io/v1beta3', 'FlowSchema', '1.32'],
  ])('refuses %s %s from %s, its removal', (apiVersion, kind, removed) => {
    expect(checkServedApi(object(apiVersion, kind), target(removed))[0]?.message).toContain(
      `(removed in ${removed})`,
    );
  });

  it('skips the kinds of CustomResourceDefinitions: their CRDs serve them, not Kubernetes', () => {
    for (const [apiVersion, kind] of [
      ['argoproj.io/v1alpha1', 'Application'],
      ['gateway.networking.k8s.io/v1', 'HTTPRoute'],
      ['cert-manager.io/v1', 'Certificate'],
      ['bitnami.com/v1alpha1', 'SealedSecret'],
      ['gateway.envoyproxy.io/v1alpha1', 'EnvoyProxy'],
    ] as const)
      expect(checkServedApi(object(apiVersion, kind), target('1.16'))).toEqual([]);
  });

  it('refuses a built-in API the table does not date, naming it and the table', () => {
    const [problem] = checkServedApi(object('storage.k8s.io/v1', 'StorageClass'), target('1.35'));
    expect(problem?.message).toBe(
      'API storage.k8s.io/v1 StorageClass is not in the version table, so whether Kubernetes 1.35 serves it is unknown',
    );
    expect(problem?.fix).toContain('tools/manifests/src/validate/served-apis.ts');
  });
});

describe('the version table', () => {
  it('dates every built-in kind kinds.ts admits, each served by 1.35', () => {
    const builtIn = Object.keys(KINDS).filter(
      (key) => !CRD_GROUPS.some((group) => key.startsWith(`${group}/`)),
    );
    expect(builtIn.length).toBeGreaterThan(0);
    for (const key of builtIn) {
      const kind = key.slice(key.lastIndexOf('/') + 1);
      const apiVersion = key.slice(0, key.lastIndexOf('/'));
      expect(checkServedApi(object(apiVersion, kind), target('1.35')), key).toEqual([]);
    }
  });

  it('has rows whose dates are known versions or older, removal after introduction', () => {
    expect(KNOWN_VERSIONS).toContain('1.35');
    for (const row of SERVED_APIS) {
      expect(row.served, row.apiVersion).toMatch(/^1\.\d+$/);
      expect(Number((row.removed ?? '1.999').slice(2)), row.apiVersion).toBeGreaterThan(
        Number(row.served.slice(2)),
      );
    }
  });
});
