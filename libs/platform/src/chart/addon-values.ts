import type { Environment } from '@platform/environments';
import { ADDON_IDENTITIES } from '../addon-identities.js';
import { resourcesOf } from '../argocd/component-resources.js';

/**
 * The values of each add-on chart, as pure functions of the environment: only what this
 * platform decides; every other value keeps its chart default. Every controller gets explicit
 * requests and limits (COMPONENT_RESOURCES), as the apps do: a chart's default is often none.
 */

/** gateway-crds-helm: the Gateway API's standard channel (never experimental) and Envoy Gateway's CRDs. */
export function gatewayCrdsValues() {
  return {
    crds: {
      gatewayAPI: { enabled: true, channel: 'standard' },
      envoyGateway: { enabled: true },
    },
  };
}

/**
 * gateway-helm: without its own (experimental) copy of the CRDs, which the Gateway API's
 * safe-upgrades policy would refuse; proxies in each Gateway's namespace, so the apps'
 * NetworkPolicies, which admit the Gateway's namespace, let their traffic in.
 */
export function envoyGatewayValues() {
  return {
    crds: { enabled: false },
    deployment: { envoyGateway: { resources: resourcesOf('envoyGatewayController') } },
    config: {
      envoyGateway: {
        provider: { type: 'Kubernetes', kubernetes: { deploy: { type: 'GatewayNamespace' } } },
      },
    },
  };
}

/**
 * cert-manager: its CRDs installed and kept when the release goes (deleting them would delete
 * every Certificate), its service account the one infra/cluster's Pod Identity association
 * names, leader election in its own namespace (not kube-system, which no platform Application
 * may touch), no post-install API check (a Helm hook Argo CD has no use for).
 */
export function certManagerValues() {
  return {
    crds: { enabled: true, keep: true },
    serviceAccount: { create: true, name: ADDON_IDENTITIES.certManager.serviceAccount },
    global: { leaderElection: { namespace: ADDON_IDENTITIES.certManager.namespace } },
    startupapicheck: { enabled: false },
    resources: resourcesOf('certManagerController'),
    webhook: { resources: resourcesOf('certManagerWebhook') },
    cainjector: { resources: resourcesOf('certManagerCainjector') },
  };
}

/** The name kubeseal looks for (`--controller-name`), the same as before git owned it. */
export const SEALED_SECRETS_CONTROLLER = 'sealed-secrets-controller';

/**
 * sealed-secrets: the chart's defaults (non-root, read-only root, no capabilities) plus the
 * two fields "restricted" also requires, which the chart does not set.
 */
export function sealedSecretsValues() {
  return {
    fullnameOverride: SEALED_SECRETS_CONTROLLER,
    podSecurityContext: { seccompProfile: { type: 'RuntimeDefault' } },
    containerSecurityContext: { allowPrivilegeEscalation: false },
    resources: resourcesOf('sealedSecretsController'),
  };
}

/**
 * external-dns: the routes' hostnames as Route 53 records of the environment's zone only,
 * owned by this environment (`txtOwnerId`), deleted when the route goes (`policy: sync`, set
 * explicitly: the chart is dropping its default).
 */
export function externalDnsValues(environment: Environment) {
  return {
    provider: { name: 'aws' },
    domainFilters: [environment.gateway.domain],
    extraArgs: ['--aws-zone-type=public'],
    policy: 'sync',
    registry: 'txt',
    txtOwnerId: environment.name,
    sources: ['gateway-httproute'],
    serviceAccount: { create: true, name: ADDON_IDENTITIES.externalDns.serviceAccount },
    resources: resourcesOf('externalDns'),
  };
}
