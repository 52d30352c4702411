import { testEnvironment } from '@platform/environments/testing';
import { Testing } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { AWS_ADDONS_DIRECTORY, LOCAL_ADDONS_DIRECTORY, PLATFORM_DIRECTORY } from '../layout.js';
import { PlatformChart } from './platform-chart.js';
import { SYNC_OPTIONS_ANNOTATION, SYNC_WAVE_ANNOTATION } from './sync.js';

interface Json {
  readonly kind: string;
  readonly metadata: {
    readonly name: string;
    readonly namespace?: string;
    readonly annotations?: Record<string, string>;
  };
  readonly spec?: Record<string, unknown>;
}
interface ParametersRef {
  readonly group: string;
  readonly kind: string;
  readonly name: string;
  readonly namespace: string;
}
interface EnvoyService {
  readonly type: string;
  readonly annotations?: Record<string, string>;
}

const files = new PlatformChart(Testing.app(), PLATFORM_DIRECTORY, {
  environment: testEnvironment('test-stage'),
  repository: { url: 'https://git.example.test/acme/fixture.git', revision: 'trunk' },
}).files();

/**
 * What the root Application syncs on a cluster: `_platform/*.yaml` and one subdirectory (the
 * other is its `directory.exclude`: `local/*` on EKS, `aws/*` on kind).
 */
const includeSet = (directory: string) =>
  files
    .filter((file) => file.directory === undefined || file.directory === directory)
    .map((file) => file.object as unknown as Json);

/** The one GatewayClass a cluster syncs, and the EnvoyProxy its parametersRef resolves to there. */
function proxyOf(directory: string) {
  const objects = includeSet(directory);
  const classes = objects.filter((o) => o.kind === 'GatewayClass');
  expect(classes.map((o) => o.metadata.name)).toEqual(['envoy']);
  const ref = classes[0]?.spec?.['parametersRef'] as ParametersRef;
  expect(ref).toMatchObject({ group: 'gateway.envoyproxy.io', kind: 'EnvoyProxy' });
  const proxies = objects.filter(
    (o) =>
      o.kind === 'EnvoyProxy' &&
      o.metadata.name === ref.name &&
      o.metadata.namespace === ref.namespace,
  );
  expect(proxies).toHaveLength(1);
  const proxy = proxies[0] as Json;
  const provider = proxy.spec?.['provider'] as {
    type: string;
    kubernetes: { envoyService: EnvoyService };
  };
  expect(provider.type).toBe('Kubernetes');
  return { proxy, ref, envoyService: provider.kubernetes.envoyService };
}

describe('the Envoy proxy Service, by where the add-ons run', () => {
  it.each([AWS_ADDONS_DIRECTORY, LOCAL_ADDONS_DIRECTORY])(
    '%s/: exactly one GatewayClass and one EnvoyProxy, the one it names',
    (directory) => {
      expect(includeSet(directory).filter((o) => o.kind === 'EnvoyProxy')).toHaveLength(1);
      expect(proxyOf(directory).ref.namespace).toBe('envoy-gateway-system');
    },
  );

  it('on kind (local/) is ClusterIP: no cloud provider would give a LoadBalancer an address', () => {
    expect(proxyOf(LOCAL_ADDONS_DIRECTORY).envoyService).toEqual({ type: 'ClusterIP' });
  });

  it('on EKS (aws/) is a LoadBalancer, a Network Load Balancer', () => {
    expect(proxyOf(AWS_ADDONS_DIRECTORY).envoyService).toEqual({
      type: 'LoadBalancer',
      annotations: { 'service.beta.kubernetes.io/aws-load-balancer-type': 'nlb' },
    });
  });

  it.each([AWS_ADDONS_DIRECTORY, LOCAL_ADDONS_DIRECTORY])(
    '%s/: the EnvoyProxy syncs with the GatewayClass, after its CRD, in a namespace the platform project deploys into',
    (directory) => {
      const objects = includeSet(directory);
      const { proxy } = proxyOf(directory);
      const gatewayClass = objects.find((o) => o.kind === 'GatewayClass') as Json;
      expect(proxy.metadata.annotations?.[SYNC_WAVE_ANNOTATION]).toBe(
        gatewayClass.metadata.annotations?.[SYNC_WAVE_ANNOTATION],
      );
      expect(proxy.metadata.annotations?.[SYNC_OPTIONS_ANNOTATION]).toBe(
        'SkipDryRunOnMissingResource=true',
      );
      const crds = objects.find(
        (o) => o.kind === 'Application' && o.metadata.name === 'gateway-crds',
      );
      expect(Number(proxy.metadata.annotations?.[SYNC_WAVE_ANNOTATION])).toBeGreaterThan(
        Number(crds?.metadata.annotations?.[SYNC_WAVE_ANNOTATION]),
      );
      const project = objects.find(
        (o) => o.kind === 'AppProject' && o.metadata.name === 'platform',
      ) as Json;
      const destinations = project.spec?.['destinations'] as { namespace: string }[];
      expect(destinations.map((d) => d.namespace)).toContain(proxy.metadata.namespace);
      expect(project.spec).not.toHaveProperty('namespaceResourceWhitelist');
      expect(
        objects.some((o) => o.kind === 'Namespace' && o.metadata.name === proxy.metadata.namespace),
      ).toBe(true);
    },
  );
});
