/**
 * Every Helm chart of the platform layer, pinned to an exact version: the one place a version
 * is written. infra/bootstrap installs Argo CD from ARGO_CD_CHART once; from then on the
 * Applications rendered into `manifests/<env>/_platform/` use the same pins, so bootstrap and
 * git never disagree. Upgrading a component is a pull request that changes one version here
 * (README, "The platform layer"); Renovate proposes it.
 */
export interface PinnedChart {
  /** The chart's name in its repository. */
  readonly chart: string;
  /**
   * A Helm repository URL (`https://…`), or an OCI registry path without a scheme
   * (`docker.io/envoyproxy`), as Argo CD spells an OCI Helm repository.
   */
  readonly repo: string;
  /** An exact version: never a range, never `latest`. */
  readonly version: string;
  /** Whether `repo` is an OCI registry (Argo CD then needs `enableOCI` on the repository). */
  readonly oci?: boolean;
}

/** argo-cd 10.10.2 ships Argo CD v3.5.4. */
export const ARGO_CD_CHART: PinnedChart = {
  chart: 'argo-cd',
  repo: 'https://argoproj.github.io/argo-helm',
  version: '10.10.2',
};

/** sealed-secrets 2.20.0 ships the controller (and matches kubeseal) v0.40.0. */
export const SEALED_SECRETS_CHART: PinnedChart = {
  chart: 'sealed-secrets',
  repo: 'https://bitnami-labs.github.io/sealed-secrets',
  version: '2.20.0',
};

/**
 * Envoy Gateway's CRD chart: the Gateway API's standard channel (v1.6.1 in this release) and
 * Envoy Gateway's own CRDs, installed before any controller or Gateway.
 */
export const GATEWAY_CRDS_CHART: PinnedChart = {
  chart: 'gateway-crds-helm',
  repo: 'docker.io/envoyproxy',
  version: 'v1.9.0',
  oci: true,
};

/** Envoy Gateway, the Gateway API implementation (README, "Why Envoy Gateway"). */
export const ENVOY_GATEWAY_CHART: PinnedChart = {
  chart: 'gateway-helm',
  repo: 'docker.io/envoyproxy',
  version: 'v1.9.0',
  oci: true,
};

/** cert-manager v1.21.1: the Gateway's certificate, ACME DNS-01 through Route 53. */
export const CERT_MANAGER_CHART: PinnedChart = {
  chart: 'cert-manager',
  repo: 'https://charts.jetstack.io',
  version: 'v1.21.1',
};

/** external-dns chart 1.21.1 (external-dns v0.21.0): the routes' hostnames in Route 53. */
export const EXTERNAL_DNS_CHART: PinnedChart = {
  chart: 'external-dns',
  repo: 'https://kubernetes-sigs.github.io/external-dns/',
  version: '1.21.1',
};

/**
 * flux2 2.18.3 (the fluxcd-community chart) ships Flux v2.8.5: what infra/bootstrap installs
 * in an environment whose engine is `flux` (README, "Choosing the engine").
 */
export const FLUX_CHART: PinnedChart = {
  chart: 'flux2',
  repo: 'https://fluxcd-community.github.io/helm-charts',
  version: '2.18.3',
};

/** Every pin of the Argo CD platform layer, by component, for the tests and the README's table. */
export const PLATFORM_CHARTS = {
  argocd: ARGO_CD_CHART,
  sealedSecrets: SEALED_SECRETS_CHART,
  gatewayCrds: GATEWAY_CRDS_CHART,
  envoyGateway: ENVOY_GATEWAY_CHART,
  certManager: CERT_MANAGER_CHART,
  externalDns: EXTERNAL_DNS_CHART,
} as const satisfies Record<string, PinnedChart>;
