import { argoClusterName, reservedNamespaces, type Environment } from '@platform/environments';
import { testEnvironment } from '@platform/environments/testing';
import { Testing } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { commonAddons, awsAddons } from '../../addons.js';
import {
  CLUSTER_SECRET_LABELS,
  PLATFORM_DIRECTORY,
  WORKLOAD_PLATFORM_DIRECTORY,
} from '../../layout.js';
import {
  generateApplications,
  type ClusterSecretFixture,
} from '../../testing/generate-applications.js';
import { permitsDestination, type Destination } from '../../testing/project-destinations.js';
import { PlatformChart } from '../platform-chart.js';
import { IN_CLUSTER, SYNC_OPTIONS_ANNOTATION } from '../sync.js';

const live: Environment = testEnvironment('live', {
  gateway: { name: 'edge', namespace: 'edge-system', domain: 'live.example.test' },
  clusters: [
    { name: 'mgmt', region: 'eu-central-1', stack: 'live-mgmt', role: 'hub' },
    { name: 'west', region: 'eu-central-1', stack: 'live-west' },
    { name: 'east', region: 'ap-southeast-2', stack: 'live-east', values: { logLevel: 'warn' } },
  ],
});
const repository = { url: 'https://git.example.test/acme/fixture.git', revision: 'trunk' };

type Json = Record<string, unknown> & {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  spec?: Record<string, unknown>;
};
const files = new PlatformChart(Testing.app(), PLATFORM_DIRECTORY, {
  environment: live,
  repository,
}).files();
const inDirectory = (directory: string | undefined) =>
  files.filter((f) => f.directory === directory).map((f) => f.object as Json);
const hub = inDirectory(undefined);
const workloads = inDirectory(WORKLOAD_PLATFORM_DIRECTORY);
const find = (objects: Json[], kind: string, name: string) => {
  const found = objects.find((o) => o.kind === kind && o.metadata.name === name);
  if (!found) throw new Error(`no ${kind}/${name}`);
  return found;
};

/** The cluster Secrets infra/bootstrap writes on the hub, one per workload cluster. */
const secret = (cluster: string, region: string, environment = 'live'): ClusterSecretFixture => ({
  name: argoClusterName(environment, cluster),
  server: `https://${cluster}.eks.test`,
  labels: {
    [CLUSTER_SECRET_LABELS.secretType]: 'cluster',
    [CLUSTER_SECRET_LABELS.environment]: environment,
    [CLUSTER_SECRET_LABELS.region]: region,
    [CLUSTER_SECRET_LABELS.cluster]: cluster,
  },
});
const secrets = [
  secret('west', 'eu-central-1'),
  secret('east', 'ap-southeast-2'),
  // Another environment's cluster, registered in the same Argo CD: never selected.
  secret('west', 'eu-central-1', 'stage'),
];
const directories = [
  'manifests/live/_platform',
  'manifests/live/_platform/workloads',
  'manifests/live/_clusters',
  'manifests/live/_clusters/east',
  'manifests/live/_clusters/east/shop',
  'manifests/live/_clusters/east/cart',
  'manifests/live/shop',
  'manifests/live/cart',
  'manifests/stage/shop',
];
type Generated = {
  metadata: { name: string; labels: Record<string, string> };
  spec: Record<string, any>;
};
const generated = (set: Json) => generateApplications(set, secrets, directories) as Generated[];

describe('a hub-and-spoke platform layer', () => {
  it('puts only Argo CD and what reaches the workload clusters on the hub: no add-on, Namespace or Gateway runs there', () => {
    expect(hub.map((o) => o.kind).sort()).toEqual(
      expect.not.arrayContaining([
        'Namespace',
        'Gateway',
        'GatewayClass',
        'ClusterIssuer',
        'Certificate',
      ]),
    );
    const applications = hub.filter((o) => o.kind === 'Application');
    expect(applications.map((o) => o.metadata.name)).toEqual(['argocd']);
    expect((applications[0]!.spec as { destination: unknown }).destination).toEqual({
      server: IN_CLUSTER,
      namespace: 'argocd',
    });
  });

  it('installs every add-on in each workload cluster of the environment, and of no other', () => {
    for (const addon of [...commonAddons(), ...awsAddons(live)]) {
      const apps = generated(find(hub, 'ApplicationSet', addon.name));
      expect(apps.map((a) => a.metadata.name).sort()).toEqual([
        `live.east.platform.${addon.name}`,
        `live.west.platform.${addon.name}`,
      ]);
      for (const app of apps) {
        expect(app.spec['destination']).toEqual({
          name: app.metadata.name.replace(`.platform.${addon.name}`, ''),
          namespace: addon.namespace,
        });
        expect(app.spec['source']).toMatchObject({
          chart: addon.chart.chart,
          targetRevision: addon.chart.version,
        });
        expect(app.metadata.labels['cluster']).toMatch(/^(east|west)$/);
      }
    }
  });

  it("gives each cluster its own external-dns owner, so two clusters never delete each other's records", () => {
    const owners = generated(find(hub, 'ApplicationSet', 'external-dns')).map(
      (a) => a.spec['source'].helm.valuesObject.txtOwnerId,
    );
    expect(owners.sort()).toEqual(['live.east', 'live.west']);
  });

  it('keeps what holds CRDs: removing sealed-secrets or the Gateway API CRDs from git uninstalls nothing', () => {
    for (const name of ['sealed-secrets', 'gateway-crds']) {
      expect(
        find(hub, 'ApplicationSet', name).metadata.annotations?.[SYNC_OPTIONS_ANNOTATION],
      ).toBe('Prune=false,Delete=false');
    }
    for (const set of hub.filter((o) => o.kind === 'ApplicationSet')) {
      expect(set.spec?.['syncPolicy']).toEqual({
        preserveResourcesOnDeletion: true,
        applicationsSync: 'create-update',
      });
    }
  });

  it('syncs _platform/workloads/ into every workload cluster: their Namespaces, Gateway and issuers', () => {
    const apps = generated(find(hub, 'ApplicationSet', 'live-workload-platform'));
    expect(apps.map((a) => a.metadata.name).sort()).toEqual([
      'live.east.platform.objects',
      'live.west.platform.objects',
    ]);
    expect(apps[0]!.spec['source']).toMatchObject({
      path: 'manifests/live/_platform/workloads',
      repoURL: repository.url,
    });
    expect(apps[0]!.spec['project']).toBe('platform-workloads');
    expect(workloads.map((o) => `${o.kind}/${o.metadata.name}`).sort()).toEqual(
      expect.arrayContaining([
        'Namespace/edge-system',
        'Namespace/sealed-secrets',
        'Gateway/edge',
        'ClusterIssuer/platform',
        'GatewayClass/envoy',
      ]),
    );
    expect(
      find(workloads, 'Namespace', 'sealed-secrets').metadata.annotations?.[
        SYNC_OPTIONS_ANNOTATION
      ],
    ).toBe('Prune=false,Delete=false');
    for (const namespace of workloads.filter((o) => o.kind === 'Namespace')) {
      expect(namespace.metadata.labels?.['pod-security.kubernetes.io/enforce']).toBe('restricted');
    }
  });

  it('lets the workload-platform project reach exactly the kinds and namespaces _platform/workloads/ renders, in the workload clusters only', () => {
    const project = find(hub, 'AppProject', 'platform-workloads');
    const spec = project.spec as {
      sourceRepos: string[];
      destinations: { name?: string; server?: string; namespace: string }[];
      clusterResourceWhitelist: unknown[];
    };
    expect(spec.sourceRepos).toEqual([repository.url]);
    expect(spec.clusterResourceWhitelist).toEqual([
      { group: '', kind: 'Namespace' },
      { group: 'cert-manager.io', kind: 'ClusterIssuer' },
      { group: 'gateway.networking.k8s.io', kind: 'GatewayClass' },
    ]);
    expect(spec.destinations.every((d) => d.server === undefined && d.name === 'live.*')).toBe(
      true,
    );
    expect(new Set(spec.destinations.map((d) => d.namespace))).toEqual(
      new Set(
        workloads
          .map(
            (o) => o.metadata.namespace ?? (o.kind === 'Namespace' ? o.metadata.name : undefined),
          )
          .filter(Boolean),
      ),
    );
  });

  it("runs each app in every workload cluster once: from its own directory where the cluster has values, the environment's elsewhere", () => {
    const apps = generated(find(hub, 'ApplicationSet', 'live'));
    const where = Object.fromEntries(
      apps.map((a) => [a.metadata.name, [a.spec['source'].path, a.spec['destination']]]),
    );
    expect(where).toEqual({
      'live.west.shop': ['manifests/live/shop', { name: 'live.west', namespace: 'shop' }],
      'live.west.cart': ['manifests/live/cart', { name: 'live.west', namespace: 'cart' }],
      'live.east.shop': [
        'manifests/live/_clusters/east/shop',
        { name: 'live.east', namespace: 'shop' },
      ],
      'live.east.cart': [
        'manifests/live/_clusters/east/cart',
        { name: 'live.east', namespace: 'cart' },
      ],
    });
    expect(apps.find((a) => a.metadata.name === 'live.east.shop')?.metadata.labels).toEqual({
      environment: 'live',
      app: 'shop',
      cluster: 'east',
    });
  });

  it('adds a cluster without values by its Secret alone: every set yields its Applications, and every project lets them in', () => {
    const withNorth = [...secrets, secret('north', 'eu-north-1')];
    for (const set of hub.filter((o) => o.kind === 'ApplicationSet')) {
      const applications = generateApplications(set, withNorth, directories) as Generated[];
      const north = applications.filter((a) => a.metadata.name.startsWith('live.north.'));
      expect(north.length).toBeGreaterThan(0);
      for (const application of applications) {
        const project = find(hub, 'AppProject', application.spec['project'] as string);
        expect(
          permitsDestination(
            (project.spec as { destinations: Destination[] }).destinations,
            application.spec['destination'] as Destination,
          ),
          `${application.metadata.name} in project ${project.metadata.name}`,
        ).toBe(true);
      }
    }
  });

  it('lets the apps into the workload clusters only, never the hub or another environment, and never into a platform namespace', () => {
    const destinations = (find(hub, 'AppProject', 'live').spec as { destinations: Destination[] })
      .destinations;
    const permits = (destination: Destination) => permitsDestination(destinations, destination);
    expect(permits({ name: 'live.east', namespace: 'shop' })).toBe(true);
    expect(permits({ name: 'live.north', namespace: 'shop' })).toBe(true);
    // The hub, by Argo CD's name for it or its address; another environment's cluster.
    expect(permits({ name: 'in-cluster', namespace: 'shop' })).toBe(false);
    expect(permits({ server: IN_CLUSTER, namespace: 'shop' })).toBe(false);
    expect(permits({ name: 'stage.west', namespace: 'shop' })).toBe(false);
    for (const namespace of reservedNamespaces([live])) {
      const concrete = namespace.replace('*', 'system');
      expect(permits({ name: 'live.east', namespace: concrete }), concrete).toBe(false);
    }
  });

  it("lets the platform project deploy Argo CD on the hub and the add-ons in the workload clusters' platform namespaces only", () => {
    const destinations = (
      find(hub, 'AppProject', 'platform').spec as {
        destinations: { name?: string; server?: string; namespace: string }[];
      }
    ).destinations;
    expect(destinations.filter((d) => d.server === IN_CLUSTER)).toEqual([
      { server: IN_CLUSTER, namespace: 'argocd' },
    ]);
    expect(destinations.filter((d) => d.name === 'live.*').map((d) => d.namespace)).toEqual([
      'cert-manager',
      'edge-system',
      'envoy-gateway-system',
      'external-dns',
      'sealed-secrets',
    ]);
  });

  it('leaves a single-cluster environment as it was: no workloads/ directory and no cluster generator', () => {
    const single = new PlatformChart(Testing.app(), PLATFORM_DIRECTORY, {
      environment: testEnvironment('stage'),
      repository,
    }).files();
    expect(single.some((f) => f.directory === WORKLOAD_PLATFORM_DIRECTORY)).toBe(false);
    expect(JSON.stringify(single)).not.toContain('"clusters"');
  });
});
