import { ADDON_IDENTITIES } from '../addon-identities.js';
import { SYNC_WAVES, waveMetadata } from './sync.js';

/** The Envoy Gateway controller's namespace (its proxies run in the Gateway's). */
export const ENVOY_GATEWAY_NAMESPACE = 'envoy-gateway-system';

/**
 * Namespaces infra/bootstrap creates before git is read, which the platform layer deploys into
 * but does not render: Argo CD's, and Sealed Secrets' (protected: deleting it would delete the
 * sealing keys, and with them every SealedSecret's plaintext).
 */
export const BOOTSTRAP_NAMESPACES = ['argocd', 'sealed-secrets'] as const;

/** The namespaces the platform layer renders, by where: every cluster, or only with AWS. */
export function platformNamespaces(gatewayNamespace: string): {
  readonly common: readonly string[];
  readonly aws: readonly string[];
} {
  return {
    common: [gatewayNamespace, ENVOY_GATEWAY_NAMESPACE, ADDON_IDENTITIES.certManager.namespace],
    aws: [ADDON_IDENTITIES.externalDns.namespace],
  };
}

/**
 * Pod Security labels of a platform namespace: every add-on here meets "restricted" (the
 * sealed-secrets values add what its chart lacks), so each namespace enforces it, like the
 * apps' (README, "The platform layer").
 */
export const RESTRICTED_LABELS = {
  'pod-security.kubernetes.io/enforce': 'restricted',
  'pod-security.kubernetes.io/audit': 'restricted',
  'pod-security.kubernetes.io/warn': 'restricted',
} as const;

/** A platform Namespace, "restricted" enforced, in the foundation wave. */
export function platformNamespaceManifest(
  name: string,
  environment: string,
  syncOptions: readonly string[] = [],
) {
  const metadata = waveMetadata(name, environment, SYNC_WAVES.foundation, { syncOptions });
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { ...metadata, labels: { ...metadata.labels, ...RESTRICTED_LABELS } },
  };
}
