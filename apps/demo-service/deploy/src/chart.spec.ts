import { platformServiceContract as contract } from '@platform/service-contracts';
import { testEnvironment } from '@platform/environments/testing';
import { Testing } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import DemoServiceChart from './chart.js';

const environment = testEnvironment('qa');
const objects = Testing.synth(
  new DemoServiceChart(Testing.app(), {
    app: 'demo-service',
    environment,
    image: 'registry.test/demo-service:1.0.0',
  }),
) as any[];
const find = (kind: string) => objects.filter((o) => o.kind === kind);

describe('the demo-service chart', () => {
  const [deployment] = find('Deployment');
  const container = deployment.spec.template.spec.containers[0];

  it('runs the image it is given, in its own namespace, named after the app', () => {
    expect(deployment.metadata).toMatchObject({ name: 'demo-service', namespace: 'demo-service' });
    expect(container.image).toBe('registry.test/demo-service:1.0.0');
    expect(find('Namespace').map((n) => n.metadata.name)).toEqual(['demo-service']);
  });

  it('probes the paths the service runtime serves, on the port it listens on', () => {
    expect(container.readinessProbe.httpGet).toEqual({
      path: contract.readinessPath,
      port: contract.port,
      scheme: 'HTTP',
    });
    expect(container.livenessProbe.httpGet).toEqual({
      path: contract.livenessPath,
      port: contract.port,
      scheme: 'HTTP',
    });
    expect(container.env).toContainEqual({ name: 'PORT', value: String(contract.port) });
  });

  it("runs as the image's numeric user, and gives the drain its grace period", () => {
    expect(container.securityContext).toMatchObject({
      runAsUser: contract.runAsUser,
      runAsNonRoot: true,
    });
    expect(deployment.spec.template.spec.terminationGracePeriodSeconds).toBe(
      contract.terminationGracePeriodSeconds,
    );
  });

  it("takes the environment's sizing and sets its name and log level", () => {
    expect(find('HorizontalPodAutoscaler')[0].spec).toMatchObject({
      minReplicas: environment.workloads.replicas.min,
      maxReplicas: environment.workloads.replicas.max,
    });
    expect(container.env).toEqual(
      expect.arrayContaining([
        { name: 'ENVIRONMENT', value: 'qa' },
        { name: 'LOG_LEVEL', value: environment.logLevel },
      ]),
    );
  });

  it('passes its greeting as configuration, and rolls the pods when it changes', () => {
    expect(find('ConfigMap')[0]).toMatchObject({
      metadata: { name: 'demo-service-config', namespace: 'demo-service' },
      data: { GREETING: 'Hello' },
    });
    expect(container.envFrom).toEqual([{ configMapRef: { name: 'demo-service-config' } }]);
    expect(deployment.spec.template.metadata.annotations['checksum/config']).toMatch(
      /^[0-9a-f]{64}$/,
    );
  });

  it("is reachable from outside through the environment's Gateway, at demo-service.<domain>", () => {
    const [route] = find('HTTPRoute');
    expect(route.spec.hostnames).toEqual([`demo-service.${environment.gateway.domain}`]);
    expect(route.spec.parentRefs[0]).toMatchObject({
      name: environment.gateway.name,
      namespace: environment.gateway.namespace,
    });
  });
});
