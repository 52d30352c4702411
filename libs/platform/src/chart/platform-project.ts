import type { IAppProject } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/AppProject';
import { PLATFORM_CHARTS } from '../charts.js';
import type { Named } from './app-project.js';
import { ARGOCD_NAMESPACE, IN_CLUSTER, SYNC_WAVES, waveMetadata } from './sync.js';

/** The AppProject of the platform layer's Applications. */
export const PLATFORM_PROJECT = 'platform';

export interface PlatformProjectInput {
  readonly environment: string;
  /** The namespaces its Applications deploy into in the cluster Argo CD runs in (the add-ons' and Argo CD's). */
  readonly namespaces: readonly string[];
  /** A hub's workload clusters (an Argo CD name or glob) and the namespaces the add-ons deploy into there. @default none */
  readonly workloadClusters?: {
    readonly name: string;
    readonly namespaces: readonly string[];
  };
}

/**
 * The platform's AppProject: the pinned charts' repositories as its only sources (its
 * Applications are Helm releases; the root Application, which syncs this repository, runs in
 * infra/bootstrap's `platform-root`), only the
 * platform's namespaces as destinations, and any cluster-scoped kind (the add-ons bring CRDs,
 * ClusterRoles, webhooks; the layer renders Namespaces, a GatewayClass and ClusterIssuers).
 * Its power is why only a reviewed change to libs/platform reaches it.
 */
export function platformProjectManifest(input: PlatformProjectInput): Named<IAppProject> {
  const chartRepositories = Object.values(PLATFORM_CHARTS).map((chart) => chart.repo);
  const spokes = input.workloadClusters;
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'AppProject',
    metadata: waveMetadata(PLATFORM_PROJECT, input.environment, SYNC_WAVES.foundation, {
      namespace: ARGOCD_NAMESPACE,
    }),
    spec: {
      description: `The platform layer of environment '${input.environment}' (manifests/${input.environment}/_platform/), rendered from libs/platform`,
      sourceRepos: [...new Set(chartRepositories)].sort(),
      destinations: [
        ...[...new Set(input.namespaces)]
          .sort()
          .map((namespace) => ({ server: IN_CLUSTER, namespace })),
        ...(spokes
          ? [...new Set(spokes.namespaces)]
              .sort()
              .map((namespace) => ({ name: spokes.name, namespace }))
          : []),
      ],
      clusterResourceWhitelist: [{ group: '*', kind: '*' }],
    },
  } satisfies IAppProject;
}
