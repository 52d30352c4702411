import {
  AppProject,
  type IAppProject,
} from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/AppProject';

/** The cluster Argo CD runs in, as Argo CD names it. */
export const IN_CLUSTER = 'https://kubernetes.default.svc';

export interface AppProjectInput {
  readonly environment: string;
  readonly repoUrl: string;
  /**
   * The platform's namespaces (globs such as `kube-*`): denied as destinations. Every other
   * namespace of this cluster is allowed, so a new app (its namespace is its name) needs no
   * change here, and no `pulumi up`.
   */
  readonly reservedNamespaces: readonly string[];
}

/** An Argo CD resource with the name this program always sets (the namespace comes with the resource). */
export type Named<T> = T & { readonly metadata: { readonly name: string } };

/**
 * The environment's AppProject (never `default`): sources from this repository only, apps into
 * any namespace of this cluster but the platform's (Argo CD denies a destination that matches a
 * `!` pattern, whatever else allows it), Namespace as the only cluster-scoped kind (each app
 * renders its own) but never one of the platform's names, and a warning for objects in those
 * namespaces that git does not declare.
 */
export function appProjectManifest(input: AppProjectInput): Named<IAppProject> {
  const manifest = {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'AppProject',
    metadata: {
      name: input.environment,
      labels: { 'app.kubernetes.io/managed-by': 'pulumi', environment: input.environment },
    },
    spec: {
      description: `The apps of environment '${input.environment}' (manifests/${input.environment}/), managed by infra/bootstrap`,
      sourceRepos: [input.repoUrl],
      destinations: [
        ...[...input.reservedNamespaces].sort().map((namespace) => ({
          server: IN_CLUSTER,
          namespace: `!${namespace}`,
        })),
        { server: IN_CLUSTER, namespace: '*' },
      ],
      clusterResourceWhitelist: [{ group: '', kind: 'Namespace' }],
      // Argo CD (3.3 and later) matches `name` as a glob; a blacklisted name wins over the
      // whitelist. The destinations above bind only namespaced objects: without this, an app
      // directory could adopt, relabel or prune a platform Namespace. (@kubernetes-models/argo-cd
      // models Argo CD 2.14, which has no `name`: hence the cast.)
      clusterResourceBlacklist: [...input.reservedNamespaces]
        .sort()
        .map((name) => ({ group: '', kind: 'Namespace', name }) as { group: string; kind: string }),
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
  new AppProject(manifest).validate();
  return manifest;
}
