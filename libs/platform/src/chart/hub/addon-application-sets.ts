import type { IApplicationSet } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/ApplicationSet';
import type { Environment } from '@platform/environments';
import { awsAddons, commonAddons, type PlatformAddon } from '../../addons.js';
import { APPLICATIONS_SYNC_POLICY } from '../../argocd/argocd-values.js';
import type { Named } from '../app-project.js';
import { helmApplication } from '../helm-application.js';
import { ARGOCD_NAMESPACE, SYNC_WAVES, waveMetadata } from '../sync.js';
import {
  CLUSTER_PARAMETERS,
  WORKLOAD_CLUSTER_RETRY_LIMIT,
  workloadClustersGenerator,
} from './workload-clusters.js';

/** Removing it from git must never uninstall it from any cluster. */
const KEEP = ['Prune=false', 'Delete=false'] as const;

/**
 * The values an add-on gets in each cluster: external-dns owns its records per cluster
 * (`txtOwnerId` its Argo CD name), so two clusters serving the same hostname never delete or
 * overwrite each other's records: the first to claim a name keeps it.
 */
function perClusterValues(addon: PlatformAddon): object {
  return addon.name === 'external-dns'
    ? { ...addon.values, txtOwnerId: CLUSTER_PARAMETERS.name }
    : addon.values;
}

/**
 * One ApplicationSet per add-on: an Application `<env>.<cluster>.platform.<add-on>` in every workload
 * cluster of the environment, from the same pin, release name, namespace and values as a
 * single cluster's Application (addon-applications.ts). Adding a cluster Secret adds its
 * add-ons; the controller never deletes a generated Application (`create-update`), and none
 * carries a resources finalizer, so removing a cluster or this object uninstalls nothing.
 */
export function addonApplicationSet(
  environment: Environment,
  addon: PlatformAddon,
): Named<IApplicationSet> {
  const application = helmApplication({
    name: `${CLUSTER_PARAMETERS.name}.platform.${addon.name}`,
    environment: environment.name,
    chart: addon.chart,
    releaseName: addon.releaseName,
    namespace: addon.namespace,
    wave: addon.stage === 'crds' ? SYNC_WAVES.crds : SYNC_WAVES.controllers,
    values: perClusterValues(addon),
    ...(addon.skipCrds ? { skipCrds: true } : {}),
    clusterName: CLUSTER_PARAMETERS.name,
    retryLimit: WORKLOAD_CLUSTER_RETRY_LIMIT,
  });
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'ApplicationSet',
    metadata: waveMetadata(
      addon.name,
      environment.name,
      addon.stage === 'crds' ? SYNC_WAVES.crds : SYNC_WAVES.controllers,
      { namespace: ARGOCD_NAMESPACE, syncOptions: addon.keep ? KEEP : [] },
    ),
    spec: {
      syncPolicy: { preserveResourcesOnDeletion: true, applicationsSync: APPLICATIONS_SYNC_POLICY },
      goTemplate: true,
      goTemplateOptions: ['missingkey=error'],
      generators: [workloadClustersGenerator(environment.name)],
      template: {
        metadata: {
          name: application.metadata.name,
          labels: {
            ...application.metadata.labels,
            cluster: CLUSTER_PARAMETERS.cluster,
          },
        },
        spec: application.spec,
      },
    },
  } satisfies IApplicationSet;
}

/** The add-ons of every workload cluster (all on AWS: a hub's spokes are EKS clusters). */
export function addonApplicationSets(environment: Environment): Named<IApplicationSet>[] {
  return [...commonAddons(), ...awsAddons(environment)].map((addon) =>
    addonApplicationSet(environment, addon),
  );
}
