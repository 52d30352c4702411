import { Testing } from 'cdk8s';
import { WebService } from '../web-service.js';
import type { WebServiceProps } from '../web-service-props.js';

/** A rendered object, loosely typed for assertions. */
export type Rendered = {
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
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
