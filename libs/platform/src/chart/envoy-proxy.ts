import type { Environment } from '@platform/environments';
import { ENVOY_GATEWAY_NAMESPACE } from './namespaces.js';
import { SKIP_DRY_RUN, SYNC_WAVES, waveMetadata } from './sync.js';

/**
 * The EnvoyProxy the GatewayClass's `parametersRef` names: how Envoy Gateway exposes the proxy
 * of every Gateway of the class. One of this name is rendered in `aws/` and one in `local/`, so
 * the GatewayClass (in `_platform/`) is the same everywhere and each cluster gets its own.
 */
export const ENVOY_PROXY = 'envoy';
export const ENVOY_PROXY_GROUP = 'gateway.envoyproxy.io';

/**
 * The in-tree AWS cloud provider's annotation: a Network Load Balancer (layer 4: the proxy
 * terminates TLS with cert-manager's certificate) rather than its default Classic ELB.
 */
export const AWS_NLB_ANNOTATIONS = {
  'service.beta.kubernetes.io/aws-load-balancer-type': 'nlb',
} as const;

/** How the proxy's Service is exposed (Envoy Gateway v1.9's `envoyService`; `type` defaults to LoadBalancer). */
export interface EnvoyServiceSpec {
  readonly type: 'ClusterIP' | 'LoadBalancer' | 'NodePort';
  readonly annotations?: Readonly<Record<string, string>>;
}

function envoyProxyManifest(environment: Environment, envoyService: EnvoyServiceSpec) {
  return {
    apiVersion: `${ENVOY_PROXY_GROUP}/v1alpha1`,
    kind: 'EnvoyProxy',
    // The CRD comes with gateway-crds (wave -15); the GatewayClass naming this is in the same wave.
    metadata: waveMetadata(ENVOY_PROXY, environment.name, SYNC_WAVES.configuration, {
      namespace: ENVOY_GATEWAY_NAMESPACE,
      syncOptions: SKIP_DRY_RUN,
    }),
    spec: {
      provider: { type: 'Kubernetes', kubernetes: { envoyService: { ...envoyService } } },
    },
  };
}

/** On EKS: a LoadBalancer Service, an NLB from EKS's built-in AWS cloud provider. */
export function awsEnvoyProxyManifest(environment: Environment) {
  return envoyProxyManifest(environment, {
    type: 'LoadBalancer',
    annotations: AWS_NLB_ANNOTATIONS,
  });
}

/**
 * On kind: no cloud provider assigns a LoadBalancer an address, so the Gateway would never be
 * Programmed (AddressNotAssigned) and the waves after it never run. A ClusterIP Service is its
 * address instead; the e2e reaches the proxy with `kubectl port-forward`.
 */
export function localEnvoyProxyManifest(environment: Environment) {
  return envoyProxyManifest(environment, { type: 'ClusterIP' });
}

/** The GatewayClass's reference to the EnvoyProxy above. */
export const ENVOY_PROXY_REFERENCE = {
  group: ENVOY_PROXY_GROUP,
  kind: 'EnvoyProxy',
  name: ENVOY_PROXY,
  namespace: ENVOY_GATEWAY_NAMESPACE,
} as const;
