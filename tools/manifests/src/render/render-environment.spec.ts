import { workspaceCatalog } from '@platform/environments';
import { parseImageReference } from '@platform/image-ref';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { renderEnvironment } from './render-environment.js';
import { GENERATED_HEADER } from './serialize.js';

const images = new Map([
  ['staging/demo-service', parseImageReference('ghcr.io/acme/demo-service:abc123')],
  [
    'production/demo-service',
    parseImageReference(`ghcr.io/acme/demo-service@sha256:${'0'.repeat(64)}`),
  ],
]);
const render = (environment: string) =>
  renderEnvironment(workspaceCatalog, workspaceCatalog.environment(environment), images);

describe('renderEnvironment', () => {
  it('writes one file per object under manifests/<env>/<app>/, named by kind and name', () => {
    expect(render('staging').map((f) => f.file)).toEqual([
      'manifests/staging/demo-service/deployment-demo-service.yaml',
      'manifests/staging/demo-service/horizontalpodautoscaler-demo-service.yaml',
      'manifests/staging/demo-service/namespace-demo-service.yaml',
      'manifests/staging/demo-service/networkpolicy-default-deny-all.yaml',
      'manifests/staging/demo-service/networkpolicy-demo-service-egress.yaml',
      'manifests/staging/demo-service/networkpolicy-demo-service-ingress.yaml',
      'manifests/staging/demo-service/poddisruptionbudget-demo-service.yaml',
      'manifests/staging/demo-service/service-demo-service.yaml',
      'manifests/staging/demo-service/serviceaccount-demo-service.yaml',
    ]);
  });

  it('starts every file with the generated header and round-trips through YAML', () => {
    for (const file of render('production')) {
      expect(file.content.startsWith(`${GENERATED_HEADER}\napiVersion: `)).toBe(true);
      expect(parse(file.content)).toEqual(JSON.parse(JSON.stringify(file.object)));
    }
  });

  it('is deterministic: the same input renders the same bytes', () => {
    expect(render('staging').map((f) => f.content)).toEqual(
      render('staging').map((f) => f.content),
    );
  });

  it("applies the environment's sizing, log level and the image the catalog pins", () => {
    const deployment = render('production').find((f) => f.object.kind === 'Deployment')
      ?.object as any;
    const container = deployment.spec.template.spec.containers[0];
    expect(container.image).toBe(`ghcr.io/acme/demo-service@sha256:${'0'.repeat(64)}`);
    expect(container.env).toEqual([
      { name: 'ENVIRONMENT', value: 'production' },
      { name: 'LOG_LEVEL', value: 'info' },
      { name: 'PORT', value: '8080' },
    ]);
    expect(container.resources.limits).toEqual({ cpu: '1000m', memory: '512Mi' });
    const hpa = render('production').find((f) => f.object.kind === 'HorizontalPodAutoscaler')
      ?.object as any;
    expect(hpa.spec).toMatchObject({ minReplicas: 3, maxReplicas: 12 });
  });

  it("takes probes, port, user and writable paths from the service's contract", () => {
    const deployment = render('staging').find((f) => f.object.kind === 'Deployment')?.object as any;
    const container = deployment.spec.template.spec.containers[0];
    expect(container.readinessProbe.httpGet).toMatchObject({ path: '/readyz', port: 8080 });
    expect(container.livenessProbe.httpGet).toMatchObject({ path: '/healthz', port: 8080 });
    expect(container.securityContext.runAsUser).toBe(10001);
    expect(container.volumeMounts).toEqual([{ mountPath: '/tmp', name: 'tmp' }]);
  });

  it('refuses to render an app without an image', () => {
    expect(() =>
      renderEnvironment(workspaceCatalog, workspaceCatalog.environment('staging'), new Map()),
    ).toThrow("no image for app 'demo-service' in environment 'staging'");
  });
});
