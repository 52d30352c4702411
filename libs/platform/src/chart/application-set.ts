import type { IApplicationSet } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/ApplicationSet';
import {
  clusterAppsDirectory,
  CLUSTERS_DIRECTORY,
  hasOwnValues,
  type EnvironmentCluster,
} from '@platform/environments';
import { APPLICATIONS_SYNC_POLICY } from '../argocd/argocd-values.js';
import { platformPath } from '../layout.js';
import type { Named } from './app-project.js';
import { CLUSTER_PARAMETERS, workloadClustersGenerator } from './hub/workload-clusters.js';
import { ARGOCD_NAMESPACE, IN_CLUSTER, SYNC_WAVES, waveMetadata } from './sync.js';

/**
 * - ServerSideApply: the same apply as Pulumi and kubectl use; no 256 KiB last-applied annotation.
 * - PruneLast: delete removed objects after the rest is applied and healthy.
 * - FailOnSharedResource: refuse to adopt an object another Application already manages.
 * Not CreateNamespace: every app renders its own Namespace (with its Pod Security labels).
 */
export const SYNC_OPTIONS = [
  'ServerSideApply=true',
  'PruneLast=true',
  'FailOnSharedResource=true',
] as const;

/** Five tries over about five minutes (10s, 20s, 40s, 80s, capped at 3m) before giving up. */
export const SYNC_RETRY = {
  limit: 5,
  backoff: { duration: '10s', factor: 2, maxDuration: '3m' },
} as const;

/** The directory an environment renders to, relative to the repository root. */
export function environmentDirectory(environment: string): string {
  return `manifests/${environment}`;
}

export interface ApplicationSetInput {
  readonly environment: string;
  /** The environment's AppProject. */
  readonly project: string;
  readonly repoUrl: string;
  readonly revision: string;
}

/** A hub's directories that no app is in: `_platform/` (the root Application's) and `_clusters/`. */
function notApps(environment: string) {
  return [
    { path: platformPath(environment), exclude: true },
    { path: `${environmentDirectory(environment)}/${CLUSTERS_DIRECTORY}`, exclude: true },
  ];
}

/** An app's Application, wherever it runs: `destination` says where. */
function appApplicationSpec(
  input: ApplicationSetInput,
  destination: { readonly server: string } | { readonly name: string },
) {
  return {
    project: input.project,
    source: {
      repoURL: input.repoUrl,
      targetRevision: input.revision,
      path: '{{.path.path}}',
      // The directory's objects, not its kustomization.yaml (the entry point for
      // `kubectl apply -k` and Flux, which Argo CD would try to apply as an object).
      directory: { recurse: false, exclude: 'kustomization.yaml' },
    },
    destination: { ...destination, namespace: '{{.path.basename}}' },
    syncPolicy: {
      // allowEmpty false: a directory that suddenly renders nothing is an error, not "delete everything".
      automated: { prune: true, selfHeal: true, allowEmpty: false },
      syncOptions: [...SYNC_OPTIONS],
      retry: { limit: SYNC_RETRY.limit, backoff: { ...SYNC_RETRY.backoff } },
    },
  };
}

/**
 * One Application per app directory under `manifests/<environment>/` (not `_platform/`, which
 * the root Application syncs): adding an app adds a directory, and so an Application, with no
 * change here. Go templates with `missingkey=error`, so a typo in a parameter fails the
 * ApplicationSet instead of rendering "". Guarded against mass deletion: the controller never
 * deletes an Application (a generator that yields nothing deletes nothing), and the
 * Applications carry no resources finalizer (`preserveResourcesOnDeletion`), so deleting the
 * ApplicationSet leaves every workload running. Removing an app is a deliberate
 * `argocd app delete --cascade` (README, "Removing an app").
 */
export function applicationSetManifest(input: ApplicationSetInput): Named<IApplicationSet> {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'ApplicationSet',
    metadata: waveMetadata(input.environment, input.environment, SYNC_WAVES.apps, {
      namespace: ARGOCD_NAMESPACE,
    }),
    spec: {
      syncPolicy: { preserveResourcesOnDeletion: true, applicationsSync: APPLICATIONS_SYNC_POLICY },
      goTemplate: true,
      goTemplateOptions: ['missingkey=error'],
      generators: [
        {
          git: {
            repoURL: input.repoUrl,
            revision: input.revision,
            directories: [
              { path: `${environmentDirectory(input.environment)}/*` },
              { path: platformPath(input.environment), exclude: true },
            ],
          },
        },
      ],
      template: {
        metadata: {
          name: `${input.environment}-{{.path.basename}}`,
          labels: { environment: input.environment, app: '{{.path.basename}}' },
        },
        spec: appApplicationSpec(input, { server: IN_CLUSTER }),
      },
    },
  } satisfies IApplicationSet;
}

export interface HubApplicationSetInput extends ApplicationSetInput {
  /** The environment's workload clusters (the hub runs no apps). */
  readonly workloads: readonly EnvironmentCluster[];
}

/**
 * The apps of a hub-and-spoke environment: one Application `<env>.<cluster>.<app>` per app
 * directory and workload cluster, from a matrix of the cluster generator (the cluster Secrets
 * infra/bootstrap writes) and the git directories. A cluster with values of its own syncs its
 * own directories (`_clusters/<cluster>/<app>/`), every other one the environment's: adding a
 * cluster without values is its Secret, with no change here. The same guards against mass
 * deletion as the single cluster's.
 */
export function hubApplicationSetManifest(input: HubApplicationSetInput): Named<IApplicationSet> {
  const env = input.environment;
  const own = input.workloads.filter(hasOwnValues).map((cluster) => cluster.name);
  const matrix = (
    clusters: ReturnType<typeof workloadClustersGenerator>,
    directories: readonly { readonly path: string; readonly exclude?: boolean }[],
  ) => ({
    matrix: {
      generators: [
        clusters,
        {
          git: { repoURL: input.repoUrl, revision: input.revision, directories: [...directories] },
        },
      ],
    },
  });
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'ApplicationSet',
    metadata: waveMetadata(env, env, SYNC_WAVES.apps, { namespace: ARGOCD_NAMESPACE }),
    spec: {
      syncPolicy: { preserveResourcesOnDeletion: true, applicationsSync: APPLICATIONS_SYNC_POLICY },
      goTemplate: true,
      goTemplateOptions: ['missingkey=error'],
      generators: [
        matrix(workloadClustersGenerator(env, { except: own }), [
          { path: `${environmentDirectory(env)}/*` },
          ...notApps(env),
        ]),
        ...own.map((cluster) =>
          matrix(workloadClustersGenerator(env, { only: cluster }), [
            { path: `${clusterAppsDirectory(env, cluster)}/*` },
          ]),
        ),
      ],
      template: {
        metadata: {
          name: `${CLUSTER_PARAMETERS.name}.{{.path.basename}}`,
          labels: {
            environment: env,
            app: '{{.path.basename}}',
            cluster: CLUSTER_PARAMETERS.cluster,
          },
        },
        spec: appApplicationSpec(input, { name: CLUSTER_PARAMETERS.name }),
      },
    },
  } satisfies IApplicationSet;
}
