import { testEnvironment } from '@platform/environments/testing';
import { Testing } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { AppChart, type AppChartProps } from './app-chart.js';
import { find, type Rendered } from './testing/synth-helpers.js';
import { WebService } from './web-service.js';

const environment = testEnvironment('qa', {
  logLevel: 'warn',
  monitoringNamespaces: ['prometheus'],
  workloads: {
    replicas: { min: 3, max: 7 },
    targetCpuUtilizationPercent: 65,
    resources: {
      cpuRequestMillis: 150,
      cpuLimitMillis: 600,
      memoryRequestMebibytes: 96,
      memoryLimitMebibytes: 192,
    },
  },
});
const props: AppChartProps = { app: 'orders', environment, image: 'ghcr.io/acme/orders:1.4.2' };

/** The chart a team writes: one WebService named after the app, with the image it is given. */
class OrdersChart extends AppChart {
  constructor(scope: ConstructorParameters<typeof AppChart>[0], p: AppChartProps, id = 'web') {
    super(scope, p);
    new WebService(this, id, {
      name: this.app,
      image: this.image,
      ingressFromNamespaces: ['shop'],
    });
  }
}
const synth = (chart: AppChart) => Testing.synth(chart) as Rendered[];

describe('AppChart', () => {
  it('gives the constructs inside it the environment: sizing, log level and callers', () => {
    const objects = synth(new OrdersChart(Testing.app(), props));
    const container = find(objects, 'Deployment', 'orders').spec.template.spec.containers[0];
    expect(container.image).toBe('ghcr.io/acme/orders:1.4.2');
    expect(container.env).toEqual([
      { name: 'ENVIRONMENT', value: 'qa' },
      { name: 'LOG_LEVEL', value: 'warn' },
      { name: 'PORT', value: '8080' },
    ]);
    expect(container.resources).toEqual({
      limits: { cpu: '600m', memory: '192Mi' },
      requests: { cpu: '150m', memory: '96Mi' },
    });
    expect(find(objects, 'HorizontalPodAutoscaler', 'orders').spec).toMatchObject({
      minReplicas: 3,
      maxReplicas: 7,
    });
    const ingress = find(objects, 'NetworkPolicy', 'orders-ingress').spec.ingress[0].from;
    expect(
      ingress.map((peer: any) => peer.namespaceSelector.matchLabels['kubernetes.io/metadata.name']),
    ).toEqual(['prometheus', 'shop']);
  });

  it("lets the chart's own props win over the environment's", () => {
    class Bigger extends AppChart {
      constructor(scope: ConstructorParameters<typeof AppChart>[0], p: AppChartProps) {
        super(scope, p);
        new WebService(this, 'web', {
          name: this.app,
          image: this.image,
          replicas: { max: 20 },
          resources: { memoryLimitMebibytes: 512 },
          env: { LOG_LEVEL: 'debug' },
        });
      }
    }
    const objects = synth(new Bigger(Testing.app(), props));
    const container = find(objects, 'Deployment', 'orders').spec.template.spec.containers[0];
    expect(find(objects, 'HorizontalPodAutoscaler', 'orders').spec).toMatchObject({
      minReplicas: 3,
      maxReplicas: 20,
    });
    expect(container.resources.limits).toEqual({ cpu: '600m', memory: '512Mi' });
    expect(container.env).toContainEqual({ name: 'LOG_LEVEL', value: 'debug' });
  });

  it('renders stable names that ignore the construct ids', () => {
    expect(synth(new OrdersChart(Testing.app(), props, 'first-id'))).toEqual(
      synth(new OrdersChart(Testing.app(), props, 'renamed-id')),
    );
  });

  it('is found from any construct inside it', () => {
    const chart = new OrdersChart(Testing.app(), props);
    expect(AppChart.enclosing(chart.node.children[0] as never)).toBe(chart);
    expect(AppChart.enclosing(Testing.chart())).toBeUndefined();
  });

  it('matches the reviewed rendering (a net for changes the targeted tests miss)', () => {
    expect(synth(new OrdersChart(Testing.app(), props))).toMatchSnapshot();
  });
});
