import { testEnvironments } from '@platform/environments/testing';
import { parseImageReference } from '@platform/image-ref';
import { AppChart, type AppChartProps } from '@platform/workloads';
import { ApiObject } from 'cdk8s';
import type { Construct } from 'constructs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { FixtureWebChart } from '../testing/fixture-workspace.js';
import { RenderError } from './render-error.js';
import { renderApp } from './render-app.js';
import { generatedHeader } from './serialize.js';

const [stage, live] = testEnvironments as [
  (typeof testEnvironments)[0],
  (typeof testEnvironments)[0],
];
const render = (environment = stage, image = 'ghcr.io/acme/orders:abc123') =>
  renderApp({
    app: 'orders',
    chart: FixtureWebChart,
    environment,
    image: parseImageReference(image),
  });

describe('renderApp', () => {
  it('writes one file per object under manifests/<env>/<app>/, named by kind and name', () => {
    expect(render().map((f) => f.file)).toEqual([
      'manifests/test-stage/orders/deployment-orders.yaml',
      'manifests/test-stage/orders/horizontalpodautoscaler-orders.yaml',
      'manifests/test-stage/orders/namespace-orders.yaml',
      'manifests/test-stage/orders/networkpolicy-default-deny-all.yaml',
      'manifests/test-stage/orders/networkpolicy-orders-egress.yaml',
      'manifests/test-stage/orders/networkpolicy-orders-ingress.yaml',
      'manifests/test-stage/orders/poddisruptionbudget-orders.yaml',
      'manifests/test-stage/orders/service-orders.yaml',
      'manifests/test-stage/orders/serviceaccount-orders.yaml',
    ]);
    expect(new Set(render().map((f) => `${f.environment}/${f.app}`))).toEqual(
      new Set(['test-stage/orders']),
    );
  });

  it('starts every file with the generated header and round-trips through YAML', () => {
    for (const file of render(live)) {
      expect(file.content.startsWith(`${generatedHeader('orders')}\napiVersion: `)).toBe(true);
      expect(parse(file.content)).toEqual(JSON.parse(JSON.stringify(file.object)));
    }
  });

  it('is deterministic: the same input renders the same bytes', () => {
    expect(render().map((f) => f.content)).toEqual(render().map((f) => f.content));
  });

  it('gives the chart the environment and the image it runs there', () => {
    const digest = `ghcr.io/acme/orders@sha256:${'0'.repeat(64)}`;
    const deployment = render(live, digest).find((f) => f.object.kind === 'Deployment')
      ?.object as any;
    const container = deployment.spec.template.spec.containers[0];
    expect(container.image).toBe(digest);
    expect(container.env).toContainEqual({ name: 'ENVIRONMENT', value: 'test-live' });
    expect(container.resources.limits).toEqual({ cpu: '400m', memory: '256Mi' });
  });

  it('adds the extra objects it is given (the sealed secrets) to the same directory', () => {
    const sealed = {
      apiVersion: 'bitnami.com/v1alpha1',
      kind: 'SealedSecret',
      metadata: { name: 'db', namespace: 'orders' },
    };
    const files = renderApp({
      app: 'orders',
      chart: FixtureWebChart,
      environment: stage,
      image: parseImageReference('r/orders:1'),
      extras: [sealed],
    });
    expect(files.find((f) => f.object.kind === 'SealedSecret')?.file).toBe(
      'manifests/test-stage/orders/sealedsecret-db.yaml',
    );
  });

  it('refuses two objects of the same kind and name, naming the file', () => {
    class Twice extends AppChart {
      constructor(scope: Construct, props: AppChartProps) {
        super(scope, props);
        for (const id of ['a', 'b'])
          new ApiObject(this, id, {
            apiVersion: 'v1',
            kind: 'ConfigMap',
            metadata: { name: 'x', namespace: 'orders' },
          });
      }
    }
    expect(() =>
      renderApp({
        app: 'orders',
        chart: Twice,
        environment: stage,
        image: parseImageReference('r/o:1'),
      }),
    ).toThrow(
      new RenderError(
        "manifests/test-stage/orders/configmap-x.yaml: two objects of app 'orders' share this kind and name",
      ),
    );
  });
});
