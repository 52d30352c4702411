import type { IApplication } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/Application';
import type { IAppProject } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/AppProject';
import {
  AWS_ADDONS_DIRECTORY,
  LOCAL_ADDONS_DIRECTORY,
  platformPath,
  WORKLOAD_PLATFORM_DIRECTORY,
} from '@platform/platform';
import type { ClusterAccess } from '../config/bootstrap-config.js';

/** The in-cluster destination: Argo CD runs in the cluster it deploys to. */
export const IN_CLUSTER = 'https://kubernetes.default.svc';

/** The root Application's name, and the AppProject it runs in. */
export const ROOT_APPLICATION_NAME = 'platform';
export const ROOT_PROJECT_NAME = 'platform-root';

export interface RootApplicationProps {
  readonly environment: string;
  readonly repoUrl: string;
  readonly revision: string;
  /** How the cluster is reached says what it is: the cluster stack is EKS, a context is kind. */
  readonly cluster: ClusterAccess['kind'];
}

/**
 * Which files of `_platform/` the root leaves out: `local/` on EKS (the self-signed stand-ins) or
 * `aws/` elsewhere (external-dns, the Route 53 ACME issuer, the NLB proxy), so each cluster gets
 * the shared files plus its own kind's; and always `workloads/`, what a hub-and-spoke
 * environment's ApplicationSet syncs to its workload clusters, not to the hub this root syncs
 * (absent elsewhere, so leaving it out changes nothing). An exclude, not an include: Argo CD
 * matches these globs without path separators (`*` spans `/`), so an include such as
 * `{*.yaml,aws/*.yaml}` would take `local/` as well. Several patterns are one brace glob
 * (argo-cd docs/user-guide/directory.md, "Excluding Certain Files": `{config.json,env-usw2/*}`).
 */
export function platformExclude(cluster: ClusterAccess['kind']): string {
  const other = cluster === 'stack-reference' ? LOCAL_ADDONS_DIRECTORY : AWS_ADDONS_DIRECTORY;
  return `{${other}/*,${WORKLOAD_PLATFORM_DIRECTORY}/*}`;
}

/**
 * The one Application infra/bootstrap creates: `manifests/<env>/_platform/` from git, which holds
 * everything else (the self-managed Argo CD, the add-ons, the apps' AppProject and
 * ApplicationSet). Automated, pruning and self-healing. No resources finalizer: deleting this
 * Application must never cascade into the platform it created.
 */
export function rootApplicationManifest(
  props: RootApplicationProps,
): IApplication & { metadata: { name: string } } {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: { name: ROOT_APPLICATION_NAME },
    spec: {
      project: ROOT_PROJECT_NAME,
      source: {
        repoURL: props.repoUrl,
        targetRevision: props.revision,
        path: platformPath(props.environment),
        directory: { recurse: true, exclude: platformExclude(props.cluster) },
      },
      destination: { server: IN_CLUSTER, namespace: 'argocd' },
      syncPolicy: {
        automated: { prune: true, selfHeal: true },
        syncOptions: ['ServerSideApply=true'],
        retry: { limit: 5, backoff: { duration: '10s', factor: 2, maxDuration: '3m' } },
      },
    },
  };
}

/**
 * The root Application's project (never `default`, which any repository may use): sources from
 * this repository only. What `_platform/` holds is the platform's own reviewed code, cluster-wide
 * objects included (Namespaces, the GatewayClass, the ClusterIssuer), so it may go anywhere in
 * this cluster; the apps' narrower AppProject lives in git.
 */
export function rootProjectManifest(repoUrl: string): IAppProject {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'AppProject',
    metadata: { name: ROOT_PROJECT_NAME },
    spec: {
      description: 'The platform layer: manifests/<env>/_platform, created by infra/bootstrap.',
      sourceRepos: [repoUrl],
      destinations: [{ server: IN_CLUSTER, namespace: '*' }],
      clusterResourceWhitelist: [{ group: '*', kind: '*' }],
    },
  };
}
