import { describe, expect, it } from 'vitest';
import { expectRestrictedPod } from './testing/restricted-pod.js';
import { find, synthWebService } from './testing/synth-helpers.js';

const SELECTOR = { 'app.kubernetes.io/name': 'orders', 'app.kubernetes.io/instance': 'orders' };

describe('WebService', () => {
  const objects = synthWebService();
  const deployment = find(objects, 'Deployment', 'orders');
  const pod = deployment.spec.template;
  const container = pod.spec.containers[0];

  it('renders exactly the objects it promises, with explicit unhashed names', () => {
    expect(objects.map((o) => `${o.kind}/${o.metadata.name}`).sort()).toEqual([
      'Deployment/orders',
      'HorizontalPodAutoscaler/orders',
      'Namespace/orders',
      'NetworkPolicy/default-deny-all',
      'NetworkPolicy/orders-egress',
      'NetworkPolicy/orders-ingress',
      'PodDisruptionBudget/orders',
      'Service/orders',
      'ServiceAccount/orders',
    ]);
    for (const object of objects.filter((o) => o.kind !== 'Namespace')) {
      expect(object.metadata.namespace, `${object.kind} namespace`).toBe('orders');
    }
  });

  it('labels the namespace to enforce, audit and warn on Pod Security "restricted"', () => {
    const namespace = find(objects, 'Namespace', 'orders');
    expect(namespace.metadata.labels).toMatchObject({
      'pod-security.kubernetes.io/enforce': 'restricted',
      'pod-security.kubernetes.io/audit': 'restricted',
      'pod-security.kubernetes.io/warn': 'restricted',
    });
    expect(namespace.metadata.namespace).toBeUndefined();
  });

  it('runs the pod as a numeric non-root user with RuntimeDefault seccomp', () => {
    expect(pod.spec.securityContext).toMatchObject({
      runAsNonRoot: true,
      runAsUser: 10001,
      runAsGroup: 10001,
      seccompProfile: { type: 'RuntimeDefault' },
    });
    expect(pod.spec.automountServiceAccountToken).toBe(false);
    expect(pod.spec.serviceAccountName).toBe('orders');
  });

  it('locks the container down: no escalation, no capabilities, read-only root, writable /tmp only', () => {
    expectRestrictedPod(pod.spec);
    expect(container.volumeMounts).toEqual([{ mountPath: '/tmp', name: 'tmp' }]);
    expect(pod.spec.volumes).toEqual([{ name: 'tmp', emptyDir: { sizeLimit: '64Mi' } }]);
  });

  it('sets requests and limits', () => {
    expect(container.resources).toEqual({
      requests: { cpu: '100m', memory: '128Mi' },
      limits: { cpu: '500m', memory: '256Mi' },
    });
  });

  it('probes readiness and liveness on the service port, and gives start-up its own budget', () => {
    expect(container.readinessProbe.httpGet).toMatchObject({ path: '/readyz', port: 8080 });
    expect(container.livenessProbe.httpGet).toMatchObject({ path: '/healthz', port: 8080 });
    expect(container.startupProbe.httpGet).toMatchObject({ path: '/healthz', port: 8080 });
    expect(container.startupProbe.periodSeconds * container.startupProbe.failureThreshold).toBe(60);
    expect(container.env).toEqual([{ name: 'PORT', value: '8080' }]);
  });

  it('pins the image without pulling it again', () => {
    expect(container.image).toBe('ghcr.io/acme/orders:1.4.2');
    expect(container.imagePullPolicy).toBe('IfNotPresent');
  });

  it('selects pods by stable labels only, leaving version and cdk8s address labels out', () => {
    expect(deployment.spec.selector).toEqual({ matchLabels: SELECTOR });
    expect(pod.metadata.labels).toMatchObject({
      ...SELECTOR,
      'app.kubernetes.io/version': '1.4.2',
    });
    expect(Object.keys(pod.metadata.labels).some((key) => key.startsWith('cdk8s.io'))).toBe(false);
    expect(find(objects, 'Service', 'orders').spec.selector).toEqual(SELECTOR);
    expect(find(objects, 'PodDisruptionBudget', 'orders').spec.selector).toEqual({
      matchLabels: SELECTOR,
    });
  });

  it('puts the app.kubernetes.io labels on every object and the version only on the Deployment', () => {
    // The Namespace and its deny-all belong to the app, whatever its workloads.
    for (const object of objects.filter(
      (o) => o.kind !== 'Namespace' && o.metadata.name !== 'default-deny-all',
    )) {
      expect(object.metadata.labels, `${object.kind}`).toMatchObject({
        ...SELECTOR,
        'app.kubernetes.io/part-of': 'orders',
        'app.kubernetes.io/managed-by': 'cdk8s',
      });
      const hasVersion = 'app.kubernetes.io/version' in (object.metadata.labels ?? {});
      expect(hasVersion, `${object.kind} version label`).toBe(object.kind === 'Deployment');
    }
  });

  it('spreads pods across zones, then hosts, without ever blocking scheduling', () => {
    const constraints = pod.spec.topologySpreadConstraints;
    expect(constraints.map((c: any) => c.topologyKey)).toEqual([
      'topology.kubernetes.io/zone',
      'kubernetes.io/hostname',
    ]);
    for (const constraint of constraints) {
      expect(constraint).toMatchObject({
        maxSkew: 1,
        whenUnsatisfiable: 'ScheduleAnyway',
        labelSelector: { matchLabels: SELECTOR },
      });
    }
  });

  it('leaves the replica count to the autoscaler', () => {
    expect(deployment.spec.replicas).toBeUndefined();
    const autoscaler = find(objects, 'HorizontalPodAutoscaler', 'orders');
    expect(autoscaler.spec).toMatchObject({
      minReplicas: 2,
      maxReplicas: 4,
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'orders' },
    });
    expect(autoscaler.spec.metrics[0].resource).toEqual({
      name: 'cpu',
      target: { type: 'Utilization', averageUtilization: 70 },
    });
  });

  it('rolls out without dropping below the desired count', () => {
    expect(deployment.spec.strategy).toEqual({
      type: 'RollingUpdate',
      rollingUpdate: { maxSurge: '25%', maxUnavailable: 0 },
    });
  });

  it('exposes the container port through a ClusterIP service', () => {
    const service = find(objects, 'Service', 'orders');
    expect(service.spec.type).toBe('ClusterIP');
    expect(service.spec.ports).toEqual([{ name: 'http', port: 80, targetPort: 8080 }]);
    expect(container.ports).toEqual([{ containerPort: 8080, name: 'http' }]);
  });

  it('budgets one voluntary disruption at a time', () => {
    expect(find(objects, 'PodDisruptionBudget', 'orders').spec).toMatchObject({
      maxUnavailable: 1,
      unhealthyPodEvictionPolicy: 'AlwaysAllow',
    });
  });

  it('honours every prop it is given', () => {
    const custom = synthWebService({
      namespace: 'shop',
      containerPort: 9090,
      servicePort: 8081,
      runAsUser: 2000,
      probes: { liveness: '/live', readiness: '/ready' },
      writablePaths: ['/tmp', '/var/cache/orders'],
      replicas: { min: 3, max: 9 },
      resources: {
        cpuRequestMillis: 250,
        cpuLimitMillis: 1000,
        memoryRequestMebibytes: 300,
        memoryLimitMebibytes: 600,
      },
      env: { LOG_LEVEL: 'info' },
      maxUnavailable: 2,
    });
    const d = find(custom, 'Deployment', 'orders');
    const c = d.spec.template.spec.containers[0];
    expect(d.metadata.namespace).toBe('shop');
    expect(c.readinessProbe.httpGet).toMatchObject({ path: '/ready', port: 9090 });
    expect(c.livenessProbe.httpGet).toMatchObject({ path: '/live', port: 9090 });
    expect(c.securityContext.runAsUser).toBe(2000);
    expect(c.volumeMounts.map((m: any) => m.mountPath)).toEqual(['/tmp', '/var/cache/orders']);
    expect(c.resources.limits).toEqual({ cpu: '1000m', memory: '600Mi' });
    expect(c.env).toEqual([
      { name: 'LOG_LEVEL', value: 'info' },
      { name: 'PORT', value: '9090' },
    ]);
    expect(find(custom, 'Service', 'orders').spec.ports[0]).toEqual({
      name: 'http',
      port: 8081,
      targetPort: 9090,
    });
    expect(find(custom, 'HorizontalPodAutoscaler', 'orders').spec).toMatchObject({
      minReplicas: 3,
      maxReplicas: 9,
    });
    expect(find(custom, 'PodDisruptionBudget', 'orders').spec.maxUnavailable).toBe(2);
  });
});
