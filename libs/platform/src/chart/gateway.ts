import type { Environment } from '@platform/environments';
import { ENVOY_PROXY_REFERENCE } from './envoy-proxy.js';
import { SKIP_DRY_RUN, SYNC_WAVES, waveMetadata } from './sync.js';

/** The GatewayClass of Envoy Gateway, and the controller that serves it. */
export const GATEWAY_CLASS = 'envoy';
export const ENVOY_CONTROLLER_NAME = 'gateway.envoyproxy.io/gatewayclass-controller';

/** The ClusterIssuer of the Gateway's certificate: ACME on AWS, self-signed on kind. */
export const CLUSTER_ISSUER = 'platform';

/** The listener every app's HTTPRoute attaches to (`sectionName`). */
export const HTTPS_LISTENER = 'https';

/** The Secret the Gateway's certificate is issued into: `<gateway>-tls`. */
export function certificateSecretName(environment: Environment): string {
  return `${environment.gateway.name}-tls`;
}

/**
 * The GatewayClass: the same in every cluster; how its proxies are exposed is the EnvoyProxy it
 * names, which `aws/` and `local/` each render (envoy-proxy.ts).
 */
export function gatewayClassManifest(environment: Environment) {
  return {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'GatewayClass',
    metadata: waveMetadata(GATEWAY_CLASS, environment.name, SYNC_WAVES.configuration, {
      syncOptions: SKIP_DRY_RUN,
    }),
    spec: { controllerName: ENVOY_CONTROLLER_NAME, parametersRef: { ...ENVOY_PROXY_REFERENCE } },
  };
}

/**
 * The environment's Gateway: one HTTPS listener for `*.<domain>`, TLS terminated with the
 * certificate below, routes from any namespace (each app's HTTPRoute lives in its own).
 */
export function gatewayManifest(environment: Environment) {
  const { name, namespace, domain } = environment.gateway;
  return {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'Gateway',
    metadata: waveMetadata(name, environment.name, SYNC_WAVES.gateway, {
      namespace,
      syncOptions: SKIP_DRY_RUN,
    }),
    spec: {
      gatewayClassName: GATEWAY_CLASS,
      listeners: [
        {
          name: HTTPS_LISTENER,
          protocol: 'HTTPS',
          port: 443,
          hostname: `*.${domain}`,
          tls: {
            mode: 'Terminate',
            certificateRefs: [
              { group: '', kind: 'Secret', name: certificateSecretName(environment) },
            ],
          },
          allowedRoutes: { namespaces: { from: 'All' } },
        },
      ],
    },
  };
}

/** The Gateway's certificate: the zone's apex and every name directly under it. */
export function certificateManifest(environment: Environment) {
  const { namespace, domain } = environment.gateway;
  const secretName = certificateSecretName(environment);
  return {
    apiVersion: 'cert-manager.io/v1',
    kind: 'Certificate',
    metadata: waveMetadata(secretName, environment.name, SYNC_WAVES.configuration, {
      namespace,
      syncOptions: SKIP_DRY_RUN,
    }),
    spec: {
      secretName,
      dnsNames: [`*.${domain}`, domain],
      issuerRef: { group: 'cert-manager.io', kind: 'ClusterIssuer', name: CLUSTER_ISSUER },
      privateKey: { algorithm: 'ECDSA', size: 256, rotationPolicy: 'Always' },
    },
  };
}
