import type { Environment } from '@platform/environments';
import { ADDON_IDENTITIES } from './addon-identities.js';
import {
  CERT_MANAGER_CHART,
  ENVOY_GATEWAY_CHART,
  EXTERNAL_DNS_CHART,
  GATEWAY_CRDS_CHART,
  SEALED_SECRETS_CHART,
  type PinnedChart,
} from './charts.js';
import {
  certManagerValues,
  envoyGatewayValues,
  externalDnsValues,
  gatewayCrdsValues,
  sealedSecretsValues,
} from './chart/addon-values.js';
import { ENVOY_GATEWAY_NAMESPACE } from './chart/namespaces.js';

/** When an add-on is installed: CRDs first, then the controllers that serve them. */
export type AddonStage = 'crds' | 'controllers';

/**
 * One cluster add-on, whatever engine installs it: Argo CD renders it as an Application
 * (addon-applications.ts), Flux as a HelmRelease (flux/helm-releases.ts), from the same pin,
 * release name, namespace and values, so switching engines changes no release.
 */
export interface PlatformAddon {
  readonly name: string;
  readonly chart: PinnedChart;
  /** The Helm release's name: the objects' names and selectors derive from it. */
  readonly releaseName: string;
  /** Where the release's namespaced objects go. */
  readonly namespace: string;
  readonly stage: AddonStage;
  readonly values: object;
  /** Skip the chart's CRDs (another add-on owns them). @default false */
  readonly skipCrds?: boolean;
  /** Removing it from git must never uninstall it (it holds CRDs others' objects live in). @default false */
  readonly keep?: boolean;
}

/**
 * The add-ons every cluster runs (besides the engine itself). sealed-secrets keeps the release
 * name infra/bootstrap first gave it (the Deployment's selector holds it, and a selector
 * cannot change).
 */
export function commonAddons(): PlatformAddon[] {
  return [
    {
      name: 'gateway-crds',
      chart: GATEWAY_CRDS_CHART,
      releaseName: 'gateway-crds',
      namespace: ENVOY_GATEWAY_NAMESPACE,
      stage: 'crds',
      values: gatewayCrdsValues(),
      // Deleting the Gateway API CRDs would delete every app's HTTPRoute.
      keep: true,
    },
    {
      name: 'envoy-gateway',
      chart: ENVOY_GATEWAY_CHART,
      releaseName: 'envoy-gateway',
      namespace: ENVOY_GATEWAY_NAMESPACE,
      stage: 'controllers',
      values: envoyGatewayValues(),
      skipCrds: true,
    },
    {
      name: 'cert-manager',
      chart: CERT_MANAGER_CHART,
      releaseName: 'cert-manager',
      namespace: ADDON_IDENTITIES.certManager.namespace,
      stage: 'controllers',
      values: certManagerValues(),
    },
    {
      name: 'sealed-secrets',
      chart: SEALED_SECRETS_CHART,
      releaseName: 'sealed-secrets',
      namespace: 'sealed-secrets',
      stage: 'controllers',
      values: sealedSecretsValues(),
      // Its CRD holds every SealedSecret: never pruned, never cascaded.
      keep: true,
    },
  ];
}

/** The add-ons only a cluster on AWS runs (they call Route 53 through Pod Identity). */
export function awsAddons(environment: Environment): PlatformAddon[] {
  return [
    {
      name: 'external-dns',
      chart: EXTERNAL_DNS_CHART,
      releaseName: 'external-dns',
      namespace: ADDON_IDENTITIES.externalDns.namespace,
      stage: 'controllers',
      values: externalDnsValues(environment),
    },
  ];
}
