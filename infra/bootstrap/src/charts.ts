/**
 * The Helm charts this program installs, pinned to exact versions. Upgrading Argo CD or Sealed
 * Secrets is a pull request that changes one version here (see README, "Upgrading"); preview
 * it with `nx run @platform/infra-bootstrap:preview --stack=<stack>` before it merges (CI does
 * not preview this program on pull requests: the read-only role has no access in the cluster).
 */
export interface PinnedChart {
  readonly chart: string;
  readonly repo: string;
  /** An exact version: never a range, never `latest`. */
  readonly version: string;
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
