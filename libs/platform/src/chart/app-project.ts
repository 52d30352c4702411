import type { IAppProject } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/AppProject';
import { ARGOCD_NAMESPACE, IN_CLUSTER, SYNC_WAVES, waveMetadata } from './sync.js';

export interface AppProjectInput {
  readonly environment: string;
  readonly repoUrl: string;
  /**
   * The platform's namespaces (globs such as `kube-*`): denied as destinations. Every other
   * namespace of this cluster is allowed, so a new app (its namespace is its name) needs no
   * change here.
   */
  readonly reservedNamespaces: readonly string[];
  /**
   * The clusters the apps go to, by Argo CD name or glob: a hub's workload clusters.
   * @default the cluster Argo CD runs in
   */
  readonly clusters?: { readonly name: string };
}

/** An Argo CD object with the name this library always sets. */
export type Named<T> = T & { readonly metadata: { readonly name: string } };

/**
 * The environment's apps AppProject (never `default`): sources from this repository only, apps
 * into any namespace of its cluster (or each workload cluster) but the platform's (Argo CD denies a destination that
 * matches a `!` pattern, whatever else allows it), Namespace as the only cluster-scoped kind
 * (each app renders its own) but never one of the platform's names, and a warning for objects
 * in those namespaces that git does not declare.
 */
export function appProjectManifest(input: AppProjectInput): Named<IAppProject> {
  const reserved = [...input.reservedNamespaces].sort();
  const cluster = input.clusters ?? { server: IN_CLUSTER };
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'AppProject',
    metadata: waveMetadata(input.environment, input.environment, SYNC_WAVES.foundation, {
      namespace: ARGOCD_NAMESPACE,
    }),
    spec: {
      description: `The apps of environment '${input.environment}' (manifests/${input.environment}/), rendered from libs/platform`,
      sourceRepos: [input.repoUrl],
      destinations: [
        ...reserved.map((namespace) => ({ ...cluster, namespace: `!${namespace}` })),
        { ...cluster, namespace: '*' },
      ],
      clusterResourceWhitelist: [{ group: '', kind: 'Namespace' }],
      // Argo CD (3.3 and later) matches `name` as a glob; a blacklisted name wins over the
      // whitelist. The destinations above bind only namespaced objects: without this, an app
      // directory could adopt, relabel or prune a platform Namespace.
      clusterResourceBlacklist: reserved.map((name) => ({ group: '', kind: 'Namespace', name })),
      orphanedResources: {
        warn: true,
        // Kubernetes creates these in every namespace; they are nobody's drift.
        ignore: [
          { group: '', kind: 'ConfigMap', name: 'kube-root-ca.crt' },
          { group: '', kind: 'ServiceAccount', name: 'default' },
        ],
      },
    },
  } satisfies IAppProject;
}
