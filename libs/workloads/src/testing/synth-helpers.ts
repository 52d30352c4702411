import type { Environment } from '@platform/environments';
import { testEnvironment } from '@platform/environments/testing';
import { Testing } from 'cdk8s';
import { AppChart, type AppChartProps } from '../app-chart.js';
import { WebService } from '../web-service.js';
import type { WebServiceProps } from '../web-service-props.js';

/** A rendered object, loosely typed for assertions. */
export type Rendered = {
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
} & Record<string, any>;

export const MINIMAL_PROPS: WebServiceProps = {
  name: 'orders',
  image: 'ghcr.io/acme/orders:1.4.2',
};

/** Synthesizes one WebService in a test chart. */
export function synthWebService(props: Partial<WebServiceProps> = {}): Rendered[] {
  const chart = Testing.chart();
  new WebService(chart, 'web', { ...MINIMAL_PROPS, ...props });
  return Testing.synth(chart) as Rendered[];
}

/** The object of that kind and name; fails the test when there is not exactly one. */
export function find(objects: readonly Rendered[], kind: string, name: string): Rendered {
  const found = objects.filter((o) => o.kind === kind && o.metadata.name === name);
  if (found.length !== 1) throw new Error(`expected one ${kind}/${name}, found ${found.length}`);
  return found[0] as Rendered;
}

/** An app's chart for tests: app `shop` in environment `qa`, with the given sealed secrets. */
export function synthApp(
  build: (chart: AppChart) => void,
  options: { secrets?: AppChartProps['secrets']; environment?: Partial<Environment> } = {},
): Rendered[] {
  const chart = new AppChart(Testing.app(), {
    app: 'shop',
    environment: testEnvironment('qa', options.environment),
    image: SHOP_IMAGE,
    ...(options.secrets ? { secrets: options.secrets } : {}),
  });
  build(chart);
  return Testing.synth(chart) as Rendered[];
}

export const SHOP_IMAGE = 'ghcr.io/acme/shop:2.0.1';

/** The pod spec of a workload object, wherever its kind keeps it. */
export function podSpecOf(object: Rendered): Record<string, any> {
  return object.kind === 'CronJob'
    ? object.spec.jobTemplate.spec.template.spec
    : object.spec.template.spec;
}
