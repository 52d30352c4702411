import type { Environment } from '@platform/environments';
import { CLUSTER_ISSUER } from './gateway.js';
import { SKIP_DRY_RUN, SYNC_WAVES, waveMetadata } from './sync.js';

/** Let's Encrypt's ACME directories. */
export const ACME_DIRECTORIES = {
  production: 'https://acme-v02.api.letsencrypt.org/directory',
  staging: 'https://acme-staging-v02.api.letsencrypt.org/directory',
} as const;

/**
 * On AWS: Let's Encrypt, DNS-01 through Route 53 for the environment's zone, with cert-manager's
 * ambient credentials (its Pod Identity role, infra/cluster's, limited to that zone). Only a
 * ClusterIssuer may use ambient credentials, hence cluster-scoped.
 */
export function acmeClusterIssuerManifest(environment: Environment) {
  const directory = environment.certificates?.acmeDirectory ?? 'production';
  const email = environment.certificates?.email;
  return {
    apiVersion: 'cert-manager.io/v1',
    kind: 'ClusterIssuer',
    metadata: waveMetadata(CLUSTER_ISSUER, environment.name, SYNC_WAVES.configuration, {
      syncOptions: SKIP_DRY_RUN,
    }),
    spec: {
      acme: {
        server: ACME_DIRECTORIES[directory],
        ...(email === undefined ? {} : { email }),
        privateKeySecretRef: { name: `${CLUSTER_ISSUER}-acme-account` },
        solvers: [
          {
            selector: { dnsZones: [environment.gateway.domain] },
            dns01: { route53: {} },
          },
        ],
      },
    },
  };
}

/** On a cluster without AWS (kind): a self-signed issuer of the same name, so the Certificate is the same. */
export function selfSignedClusterIssuerManifest(environment: Environment) {
  return {
    apiVersion: 'cert-manager.io/v1',
    kind: 'ClusterIssuer',
    metadata: waveMetadata(CLUSTER_ISSUER, environment.name, SYNC_WAVES.configuration, {
      syncOptions: SKIP_DRY_RUN,
    }),
    spec: { selfSigned: {} },
  };
}
