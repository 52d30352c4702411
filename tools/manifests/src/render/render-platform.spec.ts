import { reservedNamespaces } from '@platform/environments';
import { testEnvironments } from '@platform/environments/testing';
import { describe, expect, it } from 'vitest';
import type { KubeObject, Problem } from '../validate/problem.js';
import { validateManifests } from '../validate/validate-manifests.js';
import type { RenderedFile } from './render-app.js';
import { generatedHeader } from './serialize.js';
import { renderPlatform } from './render-platform.js';

const [environment] = testEnvironments;
if (!environment) throw new Error('no test environment');
const rendered = renderPlatform({
  environment,
  reservedNamespaces: reservedNamespaces(testEnvironments),
  apps: ['orders'],
});

/** The rendered files with one object replaced by `change` of it. */
function withChange(kind: string, change: (object: KubeObject) => KubeObject): RenderedFile[] {
  return rendered.map((file) =>
    file.object.kind === kind ? { ...file, object: change(structuredClone(file.object)) } : file,
  );
}
const labels = (problems: Problem[]) => problems.map((p) => `${p.object} ${p.check}`);

describe('renderPlatform', () => {
  it('writes manifests/<env>/_platform/, its aws/ and local/ subdirectories, under the platform header', () => {
    const files = rendered.map((file) => file.file);
    expect(files).toContain('manifests/test-stage/_platform/gateway-edge.yaml');
    expect(files).toContain('manifests/test-stage/_platform/aws/clusterissuer-platform.yaml');
    expect(files).toContain('manifests/test-stage/_platform/local/clusterissuer-platform.yaml');
    for (const file of rendered) {
      expect(file.app).toBe('_platform');
      expect(file.content.startsWith(`${generatedHeader('_platform')}\napiVersion: `)).toBe(true);
    }
    expect(generatedHeader('_platform')).toContain('libs/platform');
  });

  it('passes validate: the Argo CD, Gateway API, Envoy Gateway and cert-manager schemas and the workspace rules', () => {
    expect(validateManifests(rendered)).toEqual([]);
  });

  it('refuses a broken Certificate, naming it', () => {
    const problems = validateManifests(
      withChange('Certificate', (object) => ({
        ...object,
        spec: { ...(object['spec'] as object), secretName: undefined, dnsNames: 'edge.test' },
      })),
    );
    expect(labels(problems)).toContain('Certificate/edge-tls schema');
  });

  it('refuses a broken Gateway, naming it', () => {
    const problems = validateManifests(
      withChange('Gateway', (object) => ({
        ...object,
        spec: { gatewayClassName: 'envoy', listeners: [{ name: 'https', port: 'https' }] },
      })),
    );
    expect(labels(problems)).toContain('Gateway/edge schema');
  });

  it("checks local/'s EnvoyProxy (the ClusterIP proxy Service) against Envoy Gateway's model: a bad type or a misspelt field is refused, naming it", () => {
    const isLocalProxy = (file: RenderedFile) =>
      file.object.kind === 'EnvoyProxy' && file.file.includes('/_platform/local/');
    const local = rendered.filter(isLocalProxy);
    expect(local.map((file) => file.object['spec'])).toEqual([
      { provider: { type: 'Kubernetes', kubernetes: { envoyService: { type: 'ClusterIP' } } } },
    ]);
    expect(validateManifests(rendered)).toEqual([]);
    const withService = (envoyService: Record<string, unknown>) =>
      rendered.map((file) =>
        isLocalProxy(file)
          ? {
              ...file,
              object: {
                ...file.object,
                spec: { provider: { type: 'Kubernetes', kubernetes: { envoyService } } },
              },
            }
          : file,
      );
    const badType = validateManifests(withService({ type: 'ClusterIp' }));
    expect(badType.map((p) => `${p.file} ${p.object} ${p.check}`)).toEqual([
      `${local[0]?.file} EnvoyProxy/envoy schema`,
    ]);
    const misspelt = validateManifests(withService({ type: 'ClusterIP', anotations: {} }));
    expect(misspelt.map((p) => `${p.object} ${p.message}`)).toEqual([
      "EnvoyProxy/envoy unknown field '/spec/provider/kubernetes/envoyService/anotations'",
    ]);
  });

  it('refuses a misspelt field of an Application', () => {
    const problems = validateManifests(
      withChange('Application', (object) => ({
        ...object,
        spec: { ...(object['spec'] as object), syncPolicyy: {} },
      })),
    );
    expect(problems.map((p) => p.message)).toContain("unknown field '/spec/syncPolicyy'");
  });

  it('refuses a credential in a repository declaration, and the declaration outside _platform', () => {
    const withPassword = withChange('Secret', (object) => ({
      ...object,
      stringData: { ...(object['stringData'] as object), password: 'hunter2' },
    }));
    expect(validateManifests(withPassword).map((p) => p.message)).toContain(
      "holds key 'password' (allowed: enableOCI, name, type, url)",
    );
    const secret = rendered.find((file) => file.object.kind === 'Secret');
    if (!secret) throw new Error('no repository declaration rendered');
    const inApp = { ...secret, app: 'orders' };
    expect(validateManifests([inApp]).map((p) => p.message)).toContain(
      "kind 'v1/Secret' is not one the workspace renders",
    );
  });
});
