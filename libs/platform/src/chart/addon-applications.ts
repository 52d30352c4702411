import type { Environment } from '@platform/environments';
import { ADDON_IDENTITIES } from '../addon-identities.js';
import { argoCdValues } from '../argocd/argocd-values.js';
import {
  ARGO_CD_CHART,
  CERT_MANAGER_CHART,
  ENVOY_GATEWAY_CHART,
  EXTERNAL_DNS_CHART,
  GATEWAY_CRDS_CHART,
  SEALED_SECRETS_CHART,
} from '../charts.js';
import {
  certManagerValues,
  envoyGatewayValues,
  externalDnsValues,
  gatewayCrdsValues,
  sealedSecretsValues,
} from './addon-values.js';
import { helmApplication } from './helm-application.js';
import { ENVOY_GATEWAY_NAMESPACE } from './namespaces.js';
import { ARGOCD_NAMESPACE, SYNC_WAVES } from './sync.js';

/** Removing it from git, or deleting the root Application, must never uninstall it. */
const KEEP = ['Prune=false', 'Delete=false'] as const;

/**
 * The Applications every cluster runs. Argo CD manages itself: the same chart, release name
 * and values infra/bootstrap installed it with, so the first sync changes nothing.
 * sealed-secrets keeps the release name infra/bootstrap gave it (the Deployment's selector
 * holds it, and a selector cannot change).
 */
export function commonAddonApplications(environment: Environment) {
  const env = environment.name;
  return [
    helmApplication({
      name: 'argocd',
      environment: env,
      chart: ARGO_CD_CHART,
      releaseName: 'argocd',
      namespace: ARGOCD_NAMESPACE,
      wave: SYNC_WAVES.argocd,
      values: argoCdValues(environment),
      objectSyncOptions: KEEP,
    }),
    helmApplication({
      name: 'gateway-crds',
      environment: env,
      chart: GATEWAY_CRDS_CHART,
      releaseName: 'gateway-crds',
      namespace: ENVOY_GATEWAY_NAMESPACE,
      wave: SYNC_WAVES.crds,
      values: gatewayCrdsValues(),
      // Deleting the Gateway API CRDs would delete every app's HTTPRoute.
      objectSyncOptions: KEEP,
    }),
    helmApplication({
      name: 'envoy-gateway',
      environment: env,
      chart: ENVOY_GATEWAY_CHART,
      releaseName: 'envoy-gateway',
      namespace: ENVOY_GATEWAY_NAMESPACE,
      wave: SYNC_WAVES.controllers,
      values: envoyGatewayValues(),
      skipCrds: true,
    }),
    helmApplication({
      name: 'cert-manager',
      environment: env,
      chart: CERT_MANAGER_CHART,
      releaseName: 'cert-manager',
      namespace: ADDON_IDENTITIES.certManager.namespace,
      wave: SYNC_WAVES.controllers,
      values: certManagerValues(),
    }),
    helmApplication({
      name: 'sealed-secrets',
      environment: env,
      chart: SEALED_SECRETS_CHART,
      releaseName: 'sealed-secrets',
      namespace: 'sealed-secrets',
      wave: SYNC_WAVES.controllers,
      values: sealedSecretsValues(),
      // Its CRD holds every SealedSecret: never pruned, never cascaded.
      objectSyncOptions: KEEP,
    }),
  ];
}

/** The Applications only a cluster on AWS runs (they call Route 53 through Pod Identity). */
export function awsAddonApplications(environment: Environment) {
  return [
    helmApplication({
      name: 'external-dns',
      environment: environment.name,
      chart: EXTERNAL_DNS_CHART,
      releaseName: 'external-dns',
      namespace: ADDON_IDENTITIES.externalDns.namespace,
      wave: SYNC_WAVES.controllers,
      values: externalDnsValues(environment),
    }),
  ];
}
