import { describe, expect, it } from 'vitest';
import { expectRestrictedPod } from '../testing/restricted-pod.js';
import { find, podSpecOf, SHOP_IMAGE, synthApp } from '../testing/synth-helpers.js';
import { Worker } from './worker.js';
import type { WorkerProps } from './worker-props.js';

const synthWorker = (props: Partial<WorkerProps> = {}) =>
  synthApp(
    (chart) => new Worker(chart, 'worker', { name: 'shop-worker', image: SHOP_IMAGE, ...props }),
  );

describe('Worker', () => {
  const objects = synthWorker();
  const deployment = find(objects, 'Deployment', 'shop-worker');
  const container = podSpecOf(deployment).containers[0];

  it('renders a Deployment with no Service, in the app namespace', () => {
    expect(objects.map((o) => `${o.kind}/${o.metadata.name}`).sort()).toEqual([
      'Deployment/shop-worker',
      'HorizontalPodAutoscaler/shop-worker',
      'Namespace/shop',
      'NetworkPolicy/default-deny-all',
      'NetworkPolicy/shop-worker-egress',
      'NetworkPolicy/shop-worker-ingress',
      'PodDisruptionBudget/shop-worker',
      'ServiceAccount/shop-worker',
    ]);
    expect(deployment.metadata).toMatchObject({
      namespace: 'shop',
      labels: { 'app.kubernetes.io/component': 'worker' },
    });
  });

  it('runs restricted', () => expectRestrictedPod(podSpecOf(deployment)));

  it('probes the health port it serves itself, and admits only metrics scraping there', () => {
    expect(container.ports).toEqual([{ containerPort: 8080, name: 'health' }]);
    expect(container.readinessProbe.httpGet).toMatchObject({ path: '/readyz', port: 8080 });
    expect(container.livenessProbe.httpGet).toMatchObject({ path: '/healthz', port: 8080 });
    const ingress = find(objects, 'NetworkPolicy', 'shop-worker-ingress').spec.ingress;
    expect(ingress).toEqual([
      {
        from: [
          { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'metrics' } } },
        ],
        ports: [{ port: 8080, protocol: 'TCP' }],
      },
    ]);
  });

  it('with exec health: probes by command, no port, and admits nothing', () => {
    const exec = synthWorker({ health: { exec: { command: ['/bin/healthcheck'] } } });
    const c = podSpecOf(find(exec, 'Deployment', 'shop-worker')).containers[0];
    expect(c.ports).toBeUndefined();
    expect(c.livenessProbe.exec).toEqual({ command: ['/bin/healthcheck'] });
    expect(c.readinessProbe.exec).toEqual({ command: ['/bin/healthcheck'] });
    expect(find(exec, 'NetworkPolicy', 'shop-worker-ingress').spec.ingress).toEqual([]);
  });

  it("autoscales on CPU within the environment's bounds, or runs a fixed count", () => {
    expect(find(objects, 'HorizontalPodAutoscaler', 'shop-worker').spec).toMatchObject({
      minReplicas: 2,
      maxReplicas: 5,
    });
    expect(deployment.spec.replicas).toBeUndefined();
    const fixed = synthWorker({ replicas: 3 });
    expect(find(fixed, 'Deployment', 'shop-worker').spec.replicas).toBe(3);
    expect(fixed.some((o) => o.kind === 'HorizontalPodAutoscaler')).toBe(false);
  });

  it('budgets one disruption at a time, selecting its own pods', () => {
    expect(find(objects, 'PodDisruptionBudget', 'shop-worker').spec).toMatchObject({
      maxUnavailable: 1,
      selector: { matchLabels: { 'app.kubernetes.io/name': 'shop-worker' } },
    });
  });

  it.each<[string, Partial<WorkerProps> & Record<string, unknown>, string]>([
    ['a Service port', { servicePort: 80 }, 'servicePort = 80 is not for a Worker'],
    [
      'a privileged health port',
      { health: { http: { port: 80 } } },
      'health.http.port = 80 is a privileged port',
    ],
    [
      'an empty exec command',
      { health: { exec: { command: [] } } },
      'health.exec.command = [] must not be empty',
    ],
    ['zero replicas', { replicas: 0 }, 'replicas = 0 must be an integer from 1 to 1000'],
    [
      'a budget above a fixed count',
      { replicas: 1, maxUnavailable: 2 },
      'maxUnavailable = 2 is above replicas (1)',
    ],
  ])('refuses %s, naming the prop and the value', (_case, props, message) => {
    expect(() => synthWorker(props as Partial<WorkerProps>)).toThrow(
      `Worker 'shop-worker': ${message}`,
    );
  });
});
