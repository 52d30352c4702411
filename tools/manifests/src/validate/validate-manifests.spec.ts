import { testEnvironment } from '@platform/environments/testing';
import { parseImageReference } from '@platform/image-ref';
import { describe, expect, it } from 'vitest';
import { manifestLocation } from '../manifest-file.js';
import { renderApp } from '../render/render-app.js';
import { FixtureWebChart } from '../testing/fixture-workspace.js';
import type { ManifestObject, Problem } from './problem.js';
import { validateManifests } from './validate-manifests.js';

const rendered = (): ManifestObject[] =>
  renderApp({
    app: 'orders',
    chart: FixtureWebChart,
    environment: testEnvironment('test-stage'),
    image: parseImageReference('ghcr.io/acme/orders:abc123'),
  }).map(({ environment, app, file, object }) => ({
    environment,
    app,
    file,
    object: structuredClone(object),
  }));

/** Renders a fixture app, lets `change` edit the object of `kind`, and validates the result. */
function problemsAfter(kind: string, change: (object: any) => void, name?: string): Problem[] {
  const manifests = rendered();
  const target = manifests.find(
    (m) => m.object.kind === kind && (!name || m.object.metadata?.name === name),
  );
  if (!target) throw new Error(`no ${kind} rendered`);
  change(target.object);
  return validateManifests(manifests);
}
const container = (deployment: any) => deployment.spec.template.spec.containers[0];

describe('validateManifests', () => {
  it('finds no problem in what the workspace renders', () => {
    expect(validateManifests(rendered())).toEqual([]);
  });

  it('refuses cluster-wide RBAC in an app directory: it belongs to the platform layer', () => {
    const manifests = rendered();
    const clusterRole = {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { name: 'orders-everything' },
      rules: [{ apiGroups: [''], resources: ['secrets'], verbs: ['get'] }],
    };
    const problems = validateManifests([
      ...manifests,
      {
        ...manifestLocation('test-stage', 'orders', 'clusterrole-orders-everything.yaml'),
        object: clusterRole,
      },
    ]);
    expect(problems.map((p) => `${p.object}: ${p.message}`)).toEqual([
      "ClusterRole/orders-everything: is cluster-wide RBAC in the 'orders' app directory",
    ]);
    expect(
      validateManifests([
        {
          ...manifestLocation('test-stage', '_platform', 'clusterrole-orders-everything.yaml'),
          object: clusterRole,
        },
      ]),
    ).toEqual([]);
  });

  it('reports file, kind/name, the check and what to change', () => {
    const [problem] = problemsAfter('Deployment', (d) => delete container(d).readinessProbe);
    expect(problem).toEqual({
      file: 'manifests/test-stage/orders/deployment-orders.yaml',
      object: 'Deployment/orders',
      check: 'workspace',
      message: "container 'orders' has no readinessProbe",
      fix: 'probe the service readiness endpoint',
    });
  });

  describe('schema (kubernetes-models)', () => {
    it('rejects a wrong type', () => {
      const problems = problemsAfter(
        'HorizontalPodAutoscaler',
        (h) => (h.spec.minReplicas = 'two'),
      );
      expect(problems.map((p) => [p.check, p.message])).toContainEqual([
        'schema',
        '/spec/minReplicas must be integer',
      ]);
    });

    it('rejects a value outside an enum, listing the allowed ones', () => {
      const problems = problemsAfter(
        'Deployment',
        (d) => (container(d).imagePullPolicy = 'Sometimes'),
      );
      expect(problems[0]?.message).toContain(
        'imagePullPolicy must be equal to one of the allowed values (Always, IfNotPresent, Never)',
      );
    });

    it('refuses kinds the workspace does not render, a plain Secret above all', () => {
      const manifests = [
        ...rendered(),
        {
          ...manifestLocation('test-stage', 'orders', 'secret-db.yaml'),
          object: {
            apiVersion: 'v1',
            kind: 'Secret',
            metadata: { name: 'db', namespace: 'orders' },
          },
        },
      ];
      const problem = validateManifests(manifests).find((p) => p.object === 'Secret/db');
      expect(problem?.message).toBe("kind 'v1/Secret' is not one the workspace renders");
      expect(problem?.fix).toContain('SealedSecret');
    });
  });

  describe('strict fields', () => {
    it('rejects a misspelt field and suggests the right one', () => {
      const problems = problemsAfter('Deployment', (d) => {
        container(d).securityContext.readOnlyRootFilesytem = true;
      });
      const strict = problems.find((p) => p.check === 'strict-fields');
      expect(strict?.message).toBe(
        "unknown field '/spec/template/spec/containers/0/securityContext/readOnlyRootFilesytem'",
      );
      expect(strict?.fix).toContain("did you mean 'readOnlyRootFilesystem'?");
    });

    it('accepts arbitrary keys inside maps such as labels', () => {
      expect(
        problemsAfter('Service', (s) => (s.metadata.labels['example.com/anything'] = 'x')),
      ).toEqual([]);
    });
  });

  describe('Pod Security "restricted"', () => {
    const podSecurity = (kind: string, change: (o: any) => void) =>
      problemsAfter(kind, change)
        .filter((p) => p.check === 'pod-security')
        .map((p) => p.message);

    it.each<[string, (d: any) => void, string]>([
      [
        'capabilities not dropped',
        (d) => delete container(d).securityContext.capabilities,
        "containers 'orders' does not drop ALL capabilities",
      ],
      [
        'an added capability',
        (d) => (container(d).securityContext.capabilities.add = ['NET_ADMIN']),
        "containers 'orders' adds capability NET_ADMIN",
      ],
      [
        'privilege escalation allowed',
        (d) => delete container(d).securityContext.allowPrivilegeEscalation,
        "containers 'orders' does not set allowPrivilegeEscalation: false",
      ],
      [
        'a privileged container',
        (d) => (container(d).securityContext.privileged = true),
        "containers 'orders' is privileged",
      ],
      [
        'root user',
        (d) => (d.spec.template.spec.securityContext.runAsUser = 0),
        'pod runAsUser is 0 (root)',
      ],
      [
        'runAsNonRoot missing',
        (d) => {
          delete d.spec.template.spec.securityContext.runAsNonRoot;
          delete container(d).securityContext.runAsNonRoot;
        },
        "containers 'orders' may run as root (runAsNonRoot is not true)",
      ],
      [
        'no seccomp profile',
        (d) => delete d.spec.template.spec.securityContext.seccompProfile,
        "containers 'orders' has no RuntimeDefault or Localhost seccomp profile",
      ],
      [
        'an Unconfined seccomp profile',
        (d) => (d.spec.template.spec.securityContext.seccompProfile.type = 'Unconfined'),
        'pod seccompProfile is Unconfined',
      ],
      [
        'host networking',
        (d) => (d.spec.template.spec.hostNetwork = true),
        'hostNetwork is true (host namespaces)',
      ],
      [
        'a hostPath volume',
        (d) => d.spec.template.spec.volumes.push({ name: 'host', hostPath: { path: '/' } }),
        "volume 'host' is of type hostPath",
      ],
      [
        'a host port',
        (d) => (container(d).ports[0].hostPort = 8080),
        "containers 'orders' uses hostPort 8080",
      ],
      [
        'an unsafe sysctl',
        (d) =>
          (d.spec.template.spec.securityContext.sysctls = [{ name: 'kernel.msgmax', value: '1' }]),
        "sysctl 'kernel.msgmax' is not in the safe set",
      ],
    ])('rejects %s', (_case, change, message) => {
      expect(podSecurity('Deployment', change)).toContain(message);
    });
  });

  describe('workspace rules', () => {
    const workspace = (kind: string, change: (o: any) => void, name?: string) =>
      problemsAfter(kind, change, name)
        .filter((p) => p.check === 'workspace')
        .map((p) => p.message);

    it.each<[string, string, (o: any) => void, string, string?]>([
      [
        'a mutable tag',
        'Deployment',
        (d) => (container(d).image = 'ghcr.io/acme/orders:latest'),
        "tag 'latest' is mutable",
      ],
      [
        'an untagged image',
        'Deployment',
        (d) => (container(d).image = 'ghcr.io/acme/orders'),
        'it has no tag',
      ],
      [
        'a missing memory limit',
        'Deployment',
        (d) => delete container(d).resources.limits.memory,
        "container 'orders' has no memory limit",
      ],
      [
        'a missing cpu request',
        'Deployment',
        (d) => delete container(d).resources.requests.cpu,
        "container 'orders' has no cpu request",
      ],
      [
        'a missing liveness probe',
        'Deployment',
        (d) => delete container(d).livenessProbe,
        "container 'orders' has no livenessProbe",
      ],
      [
        'a writable root filesystem',
        'Deployment',
        (d) => (container(d).securityContext.readOnlyRootFilesystem = false),
        "container 'orders' has a writable root filesystem",
      ],
      [
        'a selector that misses its own pods',
        'Deployment',
        (d) => (d.spec.selector.matchLabels['app.kubernetes.io/name'] = 'other'),
        'spec.selector does not match the pod template labels',
      ],
      [
        'a Service selecting nothing',
        'Service',
        (s) => (s.spec.selector['app.kubernetes.io/name'] = 'other'),
        'spec.selector selects no pods in its namespace',
      ],
      [
        'a Service targeting a port no pod serves',
        'Service',
        (s) => (s.spec.ports[0].targetPort = 9999),
        'targetPort 9999 is not a port of the selected pods',
      ],
      [
        'a PodDisruptionBudget selecting nothing',
        'PodDisruptionBudget',
        (p) => (p.spec.selector.matchLabels['app.kubernetes.io/name'] = 'other'),
        'spec.selector selects no pods in its namespace',
      ],
      [
        'a NetworkPolicy selecting nothing',
        'NetworkPolicy',
        (n) => (n.spec.podSelector.matchLabels['app.kubernetes.io/name'] = 'other'),
        'spec.podSelector selects no pods in its namespace',
        'orders-egress',
      ],
      [
        'an autoscaler aimed at a missing Deployment',
        'HorizontalPodAutoscaler',
        (h) => (h.spec.scaleTargetRef.name = 'ghost'),
        'scaleTargetRef Deployment/ghost does not exist in its namespace',
      ],
      [
        'replicas set beside an autoscaler',
        'Deployment',
        (d) => (d.spec.replicas = 3),
        'sets spec.replicas while a HorizontalPodAutoscaler owns the replica count',
      ],
      [
        'a namespace without the restricted label',
        'Namespace',
        (n) => delete n.metadata.labels['pod-security.kubernetes.io/enforce'],
        'namespace does not enforce Pod Security "restricted"',
      ],
      [
        'an object without a namespace',
        'ServiceAccount',
        (s) => delete s.metadata.namespace,
        'has no metadata.namespace',
      ],
      [
        'an object in a namespace that is not rendered',
        'ServiceAccount',
        (s) => (s.metadata.namespace = 'elsewhere'),
        "namespace 'elsewhere' is not rendered in this environment",
      ],
    ])('rejects %s', (_case, kind, change, message, name) => {
      expect(workspace(kind, change, name).join('\n')).toContain(message);
    });

    it.each(['argocd', 'sealed-secrets', 'payments'])(
      "refuses a Namespace that is not the app's own (%s): the app's Application would adopt it",
      (name) => {
        const problems = problemsAfter('Namespace', (n) => (n.metadata.name = name));
        expect(problems.map((p) => p.message)).toContain(
          `the Namespace '${name}' is not the app's own ('orders')`,
        );
      },
    );

    it("refuses an object placed in another app's or the platform's namespace", () => {
      const problems = problemsAfter('Service', (s) => (s.metadata.namespace = 'argocd'));
      expect(problems.map((p) => p.message)).toContain(
        "is in namespace 'argocd', not the app's own ('orders')",
      );
    });

    it('accepts an empty NetworkPolicy pod selector (it selects every pod)', () => {
      expect(problemsAfter('NetworkPolicy', () => undefined, 'default-deny-all')).toEqual([]);
    });
  });

  it("checks a SealedSecret against its CRD's schema, then refuses fields the controller does not read", () => {
    const sealed = (spec: Record<string, unknown>): ManifestObject => ({
      ...manifestLocation('test-stage', 'orders', 'sealedsecret-db.yaml'),
      object: {
        apiVersion: 'bitnami.com/v1alpha1',
        kind: 'SealedSecret',
        metadata: { name: 'db', namespace: 'orders' },
        spec,
      },
    });
    const schemaProblems = (spec: Record<string, unknown>) =>
      validateManifests([...rendered(), sealed(spec)])
        .filter((p) => p.object === 'SealedSecret/db' && p.check === 'schema')
        .map((p) => p.message);
    expect(schemaProblems({ encryptedData: { password: 'AgB-cipher' } })).toEqual([]);
    expect(schemaProblems({ encryptedData: 'AgB-cipher' })).toEqual([
      '/spec/encryptedData must be object',
    ]);
    expect(schemaProblems({ encryptedData: { password: 'AgB-cipher' }, encryptedDta: {} })).toEqual(
      [expect.stringContaining('encryptedDta')],
    );
  });

  it('validates an HTTPRoute against the Gateway API schema and its unknown fields', () => {
    const route = (spec: Record<string, unknown>): ManifestObject => ({
      ...manifestLocation('test-stage', 'orders', 'httproute-orders.yaml'),
      object: {
        apiVersion: 'gateway.networking.k8s.io/v1',
        kind: 'HTTPRoute',
        metadata: { name: 'orders', namespace: 'orders' },
        spec,
      },
    });
    const problems = (spec: Record<string, unknown>) =>
      validateManifests([...rendered(), route(spec)])
        .filter((p) => p.object === 'HTTPRoute/orders')
        .map((p) => p.message);
    const rule = { backendRefs: [{ kind: 'Service', name: 'orders', port: 80 }] };
    expect(
      problems({
        parentRefs: [{ name: 'edge', namespace: 'edge' }],
        hostnames: ['orders.test'],
        rules: [rule],
      }),
    ).toEqual([]);
    expect(
      problems({
        hostnames: ['orders.test'],
        rules: [{ ...rule, matches: [{ path: { type: 'Prefix', value: '/' } }] }],
      }),
    ).toEqual([expect.stringContaining('/spec/rules/0/matches/0/path/type')]);
    expect(problems({ hostnames: ['orders.test'], rules: [rule], parentRef: [] })).toEqual([
      expect.stringContaining('parentRef'),
    ]);
    expect(
      problems({ rules: [{ backendRefs: [{ kind: 'Service', name: 'nope', port: 80 }] }] }),
    ).toEqual(['backendRef nope is not a Service in its namespace']);
  });
});
