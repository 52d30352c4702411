/**
 * The directory of an environment's platform layer, `manifests/<env>/_platform/`: not a DNS
 * label, so no app can ever be named like it, and the apps' ApplicationSet excludes it.
 */
export const PLATFORM_DIRECTORY = '_platform';

/** The subdirectory of the add-ons that need AWS (external-dns, the Route 53 issuer). */
export const AWS_ADDONS_DIRECTORY = 'aws';

/** The subdirectory of what replaces them on a cluster without AWS (kind): a self-signed issuer. */
export const LOCAL_ADDONS_DIRECTORY = 'local';

/** `manifests/<env>/_platform`, relative to the repository root. */
export function platformPath(environment: string): string {
  return `manifests/${environment}/${PLATFORM_DIRECTORY}`;
}

/**
 * The subdirectory of what every workload cluster of a hub-and-spoke environment gets (its
 * Namespaces, Gateway, issuers, RBAC): synced there by the hub's ApplicationSet
 * `<env>-workload-platform`, and left out by the root Application, which syncs the hub.
 */
export const WORKLOAD_PLATFORM_DIRECTORY = 'workloads';

/**
 * The labels of a workload cluster's Argo CD cluster Secret (infra/bootstrap writes them, the
 * ApplicationSets' cluster generators select on them).
 */
export const CLUSTER_SECRET_LABELS = {
  /** Argo CD's own: the Secret declares a cluster. */
  secretType: 'argocd.argoproj.io/secret-type',
  environment: 'platform.gitops/environment',
  region: 'platform.gitops/region',
  /** The cluster's name in its environment's data. */
  cluster: 'platform.gitops/cluster',
} as const;
