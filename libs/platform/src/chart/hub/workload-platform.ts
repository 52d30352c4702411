import type { IApplicationSet } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/ApplicationSet';
import type { IAppProject } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/AppProject';
import { APPLICATIONS_SYNC_POLICY } from '../../argocd/argocd-values.js';
import { platformPath, WORKLOAD_PLATFORM_DIRECTORY } from '../../layout.js';
import type { Named } from '../app-project.js';
import { SYNC_OPTIONS, SYNC_RETRY } from '../application-set.js';
import { ARGOCD_NAMESPACE, SKIP_DRY_RUN, SYNC_WAVES, waveMetadata } from '../sync.js';
import {
  CLUSTER_PARAMETERS,
  WORKLOAD_CLUSTER_RETRY_LIMIT,
  workloadClustersGenerator,
} from './workload-clusters.js';

/** The AppProject of what `_platform/workloads/` puts in each workload cluster. */
export const WORKLOAD_PLATFORM_PROJECT = 'platform-workloads';

/** `manifests/<env>/_platform/workloads`. */
export function workloadPlatformPath(environment: string): string {
  return `${platformPath(environment)}/${WORKLOAD_PLATFORM_DIRECTORY}`;
}

/** An object of `_platform/workloads/`, as much of it as its project's rules need. */
export interface WorkloadPlatformObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: { readonly name: string; readonly namespace?: string };
}

export interface WorkloadPlatformProjectInput {
  readonly environment: string;
  readonly repoUrl: string;
  /** The workload clusters: an Argo CD name or glob. */
  readonly clusters: { readonly name: string };
  /** What `_platform/workloads/` holds: the project allows exactly its namespaces and kinds. */
  readonly objects: readonly WorkloadPlatformObject[];
}

/**
 * The project of the workload clusters' platform objects: this repository as the only source,
 * the workload clusters as the only destinations, and no namespace or cluster-scoped kind but
 * those `_platform/workloads/` renders (derived from its objects, so the two never drift).
 */
export function workloadPlatformProjectManifest(
  input: WorkloadPlatformProjectInput,
): Named<IAppProject> {
  const namespaces = new Set<string>();
  const clusterKinds = new Map<string, { group: string; kind: string }>();
  for (const object of input.objects) {
    if (object.metadata.namespace !== undefined) {
      namespaces.add(object.metadata.namespace);
      continue;
    }
    // `v1` is the core group (''); `<group>/<version>` otherwise.
    const group = object.apiVersion.includes('/') ? object.apiVersion.replace(/\/.*$/, '') : '';
    clusterKinds.set(`${group}/${object.kind}`, { group, kind: object.kind });
    if (object.kind === 'Namespace' && group === '') namespaces.add(object.metadata.name);
  }
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'AppProject',
    metadata: waveMetadata(WORKLOAD_PLATFORM_PROJECT, input.environment, SYNC_WAVES.foundation, {
      namespace: ARGOCD_NAMESPACE,
    }),
    spec: {
      description: `The platform objects of environment '${input.environment}' in each workload cluster (${workloadPlatformPath(input.environment)}/), rendered from libs/platform`,
      sourceRepos: [input.repoUrl],
      destinations: [...namespaces].sort().map((namespace) => ({ ...input.clusters, namespace })),
      clusterResourceWhitelist: [...clusterKinds.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([, kind]) => kind),
    },
  } satisfies IAppProject;
}

export interface WorkloadPlatformSetInput {
  readonly environment: string;
  readonly repoUrl: string;
  readonly revision: string;
  /** The namespace the Application's destination names (one its project allows). */
  readonly namespace: string;
}

/**
 * `_platform/workloads/` in every workload cluster: an Application `<env>.<cluster>.platform.objects`
 * each, pruning and self-healing. Its objects' CRDs come with the add-ons' Applications, which
 * may not have synced yet on a new cluster: the dry run skips unknown kinds and the sync
 * retries until they exist.
 */
export function workloadPlatformApplicationSet(
  input: WorkloadPlatformSetInput,
): Named<IApplicationSet> {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'ApplicationSet',
    metadata: waveMetadata(
      `${input.environment}-workload-platform`,
      input.environment,
      SYNC_WAVES.configuration,
      { namespace: ARGOCD_NAMESPACE },
    ),
    spec: {
      syncPolicy: { preserveResourcesOnDeletion: true, applicationsSync: APPLICATIONS_SYNC_POLICY },
      goTemplate: true,
      goTemplateOptions: ['missingkey=error'],
      generators: [workloadClustersGenerator(input.environment)],
      template: {
        metadata: {
          name: `${CLUSTER_PARAMETERS.name}.platform.objects`,
          labels: {
            'app.kubernetes.io/part-of': 'platform',
            environment: input.environment,
            cluster: CLUSTER_PARAMETERS.cluster,
          },
        },
        spec: {
          project: WORKLOAD_PLATFORM_PROJECT,
          source: {
            repoURL: input.repoUrl,
            targetRevision: input.revision,
            path: workloadPlatformPath(input.environment),
            directory: { recurse: false, exclude: 'kustomization.yaml' },
          },
          destination: { name: CLUSTER_PARAMETERS.name, namespace: input.namespace },
          syncPolicy: {
            automated: { prune: true, selfHeal: true, allowEmpty: false },
            syncOptions: [...SYNC_OPTIONS, ...SKIP_DRY_RUN],
            retry: { limit: WORKLOAD_CLUSTER_RETRY_LIMIT, backoff: { ...SYNC_RETRY.backoff } },
          },
        },
      },
    },
  } satisfies IApplicationSet;
}
