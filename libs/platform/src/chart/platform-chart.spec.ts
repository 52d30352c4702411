import { reservedNamespaces, type Environment } from '@platform/environments';
import { testEnvironment } from '@platform/environments/testing';
import { Testing } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { ADDON_IDENTITIES } from '../addon-identities.js';
import { ARGO_CD_CHART, PLATFORM_CHARTS, type PinnedChart } from '../charts.js';
import { PLATFORM_DIRECTORY } from '../layout.js';
import { PlatformChart } from './platform-chart.js';
import { SYNC_WAVE_ANNOTATION } from './sync.js';

const environment: Environment = testEnvironment('test-stage', {
  gateway: { name: 'edge', namespace: 'edge-system', domain: 'stage.example.test' },
  certificates: { acmeDirectory: 'staging', email: 'ops@example.test' },
});
const repository = { url: 'https://git.example.test/acme/fixture.git', revision: 'trunk' };

function render(env: Environment = environment) {
  return new PlatformChart(Testing.app(), PLATFORM_DIRECTORY, {
    environment: env,
    repository,
  }).files();
}

type Json = Record<string, unknown> & {
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  spec?: Record<string, unknown>;
};
const files = render();
const objects = files.map((file) => file.object as Json);
const find = (kind: string, name: string, directory?: string) => {
  const found = files.find(
    (f) =>
      f.directory === directory &&
      (f.object as Json).kind === kind &&
      (f.object as Json).metadata.name === name,
  );
  if (!found) throw new Error(`no ${kind}/${name} in ${directory ?? '_platform'}/`);
  return found.object as Json;
};
const wave = (object: Json) => Number(object.metadata.annotations?.[SYNC_WAVE_ANNOTATION]);
const source = (application: Json) =>
  (application.spec as { source: Record<string, unknown> & { helm: Record<string, unknown> } })
    .source;
const values = (name: string, directory?: string) =>
  source(find('Application', name, directory)).helm['valuesObject'] as Record<string, unknown>;

describe('PlatformChart', () => {
  it('pins Argo CD once: the self-managed Application runs ARGO_CD_CHART, and no other object names its version', () => {
    const argocd = find('Application', 'argocd');
    expect(source(argocd)).toMatchObject({
      repoURL: ARGO_CD_CHART.repo,
      chart: ARGO_CD_CHART.chart,
      targetRevision: ARGO_CD_CHART.version,
    });
    const mentions = objects.filter((o) => JSON.stringify(o).includes(ARGO_CD_CHART.version));
    expect(mentions.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual(['Application/argocd']);
  });

  it('lets Argo CD manage itself without ever uninstalling itself', () => {
    const argocd = find('Application', 'argocd');
    expect(argocd.metadata).toMatchObject({ namespace: 'argocd' });
    expect(argocd.metadata).not.toHaveProperty('finalizers');
    expect(argocd.metadata.annotations?.['argocd.argoproj.io/sync-options']).toBe(
      'Prune=false,Delete=false',
    );
    expect(source(argocd).helm['releaseName']).toBe('argocd');
    expect(argocd.spec?.['syncPolicy']).toMatchObject({
      syncOptions: expect.arrayContaining(['ServerSideApply=true']) as unknown,
    });
  });

  it.each([
    ['argocd', PLATFORM_CHARTS.argocd, undefined],
    ['sealed-secrets', PLATFORM_CHARTS.sealedSecrets, undefined],
    ['gateway-crds', PLATFORM_CHARTS.gatewayCrds, undefined],
    ['envoy-gateway', PLATFORM_CHARTS.envoyGateway, undefined],
    ['cert-manager', PLATFORM_CHARTS.certManager, undefined],
    ['external-dns', PLATFORM_CHARTS.externalDns, 'aws'],
  ] as const)(
    "the %s Application's chart, repository and exact version are its pin",
    (name, pin: PinnedChart, directory) => {
      expect(source(find('Application', name, directory))).toMatchObject({
        chart: pin.chart,
        repoURL: pin.repo,
        targetRevision: pin.version,
      });
    },
  );

  it('declares every OCI registry of the pins to Argo CD, with no credential', () => {
    const registries = Object.values(PLATFORM_CHARTS).filter((c) => c.oci);
    const secrets = objects.filter((o) => o.kind === 'Secret');
    for (const chart of registries)
      expect(secrets.map((s) => (s['stringData'] as { url: string }).url)).toContain(chart.repo);
    for (const secret of secrets)
      expect(Object.keys(secret['stringData'] as object).sort()).toEqual([
        'enableOCI',
        'name',
        'type',
        'url',
      ]);
  });

  it('syncs in order: CRDs, controllers (and the apps beside them), their configuration, the Gateway', () => {
    const crds = wave(find('Application', 'gateway-crds'));
    const controllers = ['envoy-gateway', 'cert-manager', 'sealed-secrets'].map((n) =>
      wave(find('Application', n)),
    );
    controllers.push(wave(find('Application', 'external-dns', 'aws')));
    const configuration = [
      find('GatewayClass', 'envoy'),
      find('EnvoyProxy', 'envoy', 'aws'),
      find('EnvoyProxy', 'envoy', 'local'),
      find('Certificate', 'edge-tls'),
      find('ClusterIssuer', 'platform', 'aws'),
      find('ClusterIssuer', 'platform', 'local'),
    ].map(wave);
    const gateway = wave(find('Gateway', 'edge'));
    const apps = wave(find('ApplicationSet', 'test-stage'));
    expect(wave(find('Application', 'argocd'))).toBeLessThan(crds);
    expect(Math.max(...controllers)).toBeGreaterThan(crds);
    expect(Math.min(...configuration)).toBeGreaterThan(Math.max(...controllers));
    expect(gateway).toBeGreaterThan(Math.max(...configuration));
    // The apps need the CRDs of their routes, never the first certificate (the Gateway's wait).
    expect(apps).toBeGreaterThan(crds);
    expect(apps).toBeLessThan(Math.min(...configuration));
    const foundation = objects.filter((o) =>
      ['Namespace', 'AppProject', 'Secret'].includes(o.kind),
    );
    expect(Math.max(...foundation.map(wave))).toBeLessThan(wave(find('Application', 'argocd')));
  });

  it("serves HTTPS for the domain with the Certificate's Secret, which covers the domain", () => {
    const gateway = find('Gateway', 'edge');
    expect(gateway.metadata.namespace).toBe('edge-system');
    const [listener] = (gateway.spec?.['listeners'] ?? []) as {
      name: string;
      protocol: string;
      port: number;
      hostname: string;
      tls: { mode: string; certificateRefs: { kind: string; name: string }[] };
    }[];
    expect(listener).toMatchObject({ name: 'https', protocol: 'HTTPS', port: 443 });
    expect(listener?.hostname).toBe('*.stage.example.test');
    const certificate = find('Certificate', 'edge-tls');
    expect(certificate.metadata.namespace).toBe('edge-system');
    const spec = certificate.spec as { secretName: string; dnsNames: string[]; issuerRef: object };
    expect(listener?.tls.mode).toBe('Terminate');
    expect(listener?.tls.certificateRefs).toEqual([
      { group: '', kind: 'Secret', name: spec.secretName },
    ]);
    expect(spec.dnsNames).toEqual(
      expect.arrayContaining(['stage.example.test', listener?.hostname]),
    );
    expect(spec.issuerRef).toEqual({
      group: 'cert-manager.io',
      kind: 'ClusterIssuer',
      name: 'platform',
    });
  });

  it('puts external-dns and the ACME issuer in aws/, the self-signed issuer in local/, an EnvoyProxy in each', () => {
    const byDirectory = (directory: string) =>
      files
        .filter((f) => f.directory === directory)
        .map((f) => `${(f.object as Json).kind}/${(f.object as Json).metadata.name}`)
        .sort();
    expect(byDirectory('aws')).toEqual([
      'Application/external-dns',
      'ClusterIssuer/platform',
      'EnvoyProxy/envoy',
      'Namespace/external-dns',
    ]);
    expect(byDirectory('local')).toEqual(['ClusterIssuer/platform', 'EnvoyProxy/envoy']);
    const acme = (
      find('ClusterIssuer', 'platform', 'aws').spec as { acme: Record<string, unknown> }
    ).acme;
    expect(acme['server']).toBe('https://acme-staging-v02.api.letsencrypt.org/directory');
    expect(acme['email']).toBe('ops@example.test');
    expect(acme['solvers']).toEqual([
      { selector: { dnsZones: ['stage.example.test'] }, dns01: { route53: {} } },
    ]);
    expect(find('ClusterIssuer', 'platform', 'local').spec).toEqual({ selfSigned: {} });
  });

  it('uses Let’s Encrypt production unless the environment asks for staging', () => {
    const issuer = render(testEnvironment('test-live'))
      .map((f) => f.object as Json)
      .find((o) => o.kind === 'ClusterIssuer' && 'acme' in (o.spec ?? {}));
    expect((issuer?.spec as { acme: { server: string } }).acme.server).toBe(
      'https://acme-v02.api.letsencrypt.org/directory',
    );
  });

  it("gives the AWS add-ons the service accounts infra/cluster's Pod Identity associations name", () => {
    const certManager = find('Application', 'cert-manager');
    const externalDns = find('Application', 'external-dns', 'aws');
    expect((certManager.spec?.['destination'] as { namespace: string }).namespace).toBe(
      ADDON_IDENTITIES.certManager.namespace,
    );
    expect(values('cert-manager')['serviceAccount']).toMatchObject({
      name: ADDON_IDENTITIES.certManager.serviceAccount,
    });
    expect((externalDns.spec?.['destination'] as { namespace: string }).namespace).toBe(
      ADDON_IDENTITIES.externalDns.namespace,
    );
    expect(values('external-dns', 'aws')['serviceAccount']).toMatchObject({
      name: ADDON_IDENTITIES.externalDns.serviceAccount,
    });
    expect(values('external-dns', 'aws')).toMatchObject({
      domainFilters: ['stage.example.test'],
      txtOwnerId: 'test-stage',
      policy: 'sync',
    });
  });

  it.each([
    ['envoy-gateway', undefined, ['deployment', 'envoyGateway', 'resources']],
    ['cert-manager', undefined, ['resources']],
    ['cert-manager', undefined, ['webhook', 'resources']],
    ['cert-manager', undefined, ['cainjector', 'resources']],
    ['sealed-secrets', undefined, ['resources']],
    ['external-dns', 'aws', ['resources']],
  ])('gives %s (%s) %j: requests no larger than limits', (name, directory, path) => {
    const resources = path.reduce<unknown>(
      (value, key) => (value as Record<string, unknown> | undefined)?.[key],
      values(name, directory),
    ) as { requests: Record<string, string>; limits: Record<string, string> };
    const number = (quantity: string) => parseInt(quantity, 10);
    for (const resource of ['cpu', 'memory']) {
      expect(number(resources.requests[resource] ?? '0')).toBeGreaterThan(0);
      expect(number(resources.requests[resource] ?? '0')).toBeLessThanOrEqual(
        number(resources.limits[resource] ?? '0'),
      );
    }
  });

  it('renders every namespace it deploys into as "restricted", and reserves each one', () => {
    const namespaces = objects.filter((o) => o.kind === 'Namespace');
    const reserved = reservedNamespaces([environment]);
    for (const namespace of namespaces) {
      expect(namespace.metadata.labels).toMatchObject({
        'pod-security.kubernetes.io/enforce': 'restricted',
      });
      expect(reserved).toContain(namespace.metadata.name);
    }
    expect(namespaces.map((n) => n.metadata.name).sort()).toEqual([
      'cert-manager',
      'edge-system',
      'envoy-gateway-system',
      'external-dns',
    ]);
  });

  it('lets the platform project deploy only into the platform namespaces', () => {
    const project = find('AppProject', 'platform');
    const destinations = (project.spec?.['destinations'] as { namespace: string }[]).map(
      (d) => d.namespace,
    );
    expect(destinations).toEqual([
      'argocd',
      'cert-manager',
      'edge-system',
      'envoy-gateway-system',
      'external-dns',
      'sealed-secrets',
    ]);
    // Helm charts only: a platform Application can never be pointed at a git path.
    expect(project.spec?.['sourceRepos']).not.toContain(repository.url);
    const applications = objects.filter((o) => o.kind === 'Application');
    for (const application of applications) {
      expect(application.spec?.['project']).toBe('platform');
      expect(destinations).toContain(
        (application.spec?.['destination'] as { namespace: string }).namespace,
      );
      expect(project.spec?.['sourceRepos']).toContain(source(application)['repoURL']);
    }
  });

  it('points the apps at the repository, and renders the same objects whatever apps exist', () => {
    const set = find('ApplicationSet', 'test-stage');
    expect(JSON.stringify(set)).toContain(repository.url);
    expect(JSON.stringify(set)).toContain('"revision":"trunk"');
    expect(render()).toEqual(files);
  });
});
