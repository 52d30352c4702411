import type { IApplication } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/Application';
import type { PinnedChart } from '../charts.js';
import type { Named } from './app-project.js';
import { SYNC_RETRY } from './application-set.js';
import { PLATFORM_PROJECT } from './platform-project.js';
import { ARGOCD_NAMESPACE, IN_CLUSTER, waveMetadata } from './sync.js';

export interface HelmApplicationInput {
  /** The Application's name, in the argocd namespace. */
  readonly name: string;
  readonly environment: string;
  /** The pin: repository, chart and exact version, never written anywhere else. */
  readonly chart: PinnedChart;
  /** The Helm release's name: the objects' names and selectors derive from it. */
  readonly releaseName: string;
  /** Where the release's namespaced objects go. */
  readonly namespace: string;
  readonly wave: number;
  readonly values: object;
  /** Skip the chart's `crds/` directory (a chart whose CRDs another Application owns). @default false */
  readonly skipCrds?: boolean;
  /**
   * Sync options on the Application object itself, as the root Application reads them: e.g.
   * `Prune=false,Delete=false` so removing it from git never uninstalls it. @default none
   */
  readonly objectSyncOptions?: readonly string[];
  /** Which cluster it deploys to, by Argo CD's name for it. @default the cluster Argo CD runs in */
  readonly clusterName?: string;
  /** How often a failed sync is retried. @default SYNC_RETRY's five tries */
  readonly retryLimit?: number;
}

/**
 * An add-on as an Argo CD Application of a pinned Helm chart, with its values inline. Synced
 * automatically (prune, self-heal), server-side (the CRDs are too large for a client-side
 * apply's annotation). No resources finalizer: deleting the Application (or the root one)
 * leaves the add-on running, so taking one out is a deliberate `argocd app delete --cascade`.
 */
export function helmApplication(input: HelmApplicationInput): Named<IApplication> {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: waveMetadata(input.name, input.environment, input.wave, {
      namespace: ARGOCD_NAMESPACE,
      syncOptions: input.objectSyncOptions ?? [],
    }),
    spec: {
      project: PLATFORM_PROJECT,
      source: {
        repoURL: input.chart.repo,
        chart: input.chart.chart,
        targetRevision: input.chart.version,
        helm: {
          releaseName: input.releaseName,
          ...(input.skipCrds ? { skipCrds: true } : {}),
          valuesObject: input.values,
        },
      },
      destination:
        input.clusterName === undefined
          ? { server: IN_CLUSTER, namespace: input.namespace }
          : { name: input.clusterName, namespace: input.namespace },
      syncPolicy: {
        automated: { prune: true, selfHeal: true },
        syncOptions: ['ServerSideApply=true'],
        retry: { limit: input.retryLimit ?? SYNC_RETRY.limit, backoff: { ...SYNC_RETRY.backoff } },
      },
    },
  } satisfies IApplication;
}
