import { argoClusterName } from '@platform/environments';
import * as k8s from '@pulumi/kubernetes';
import * as pulumi from '@pulumi/pulumi';
import type { WorkloadCluster } from '../config/bootstrap-config.js';
import { clusterSecretMetadata, clusterSecretStringData } from './cluster-secret.js';

export interface WorkloadClustersArgs {
  readonly environment: string;
  readonly clusters: readonly WorkloadCluster[];
  /** The hub's Argo CD namespace (an Output, so the namespace exists first). */
  readonly argocdNamespace: pulumi.Input<string>;
  /** Registered once these are ready: the Argo CD release that reads the Secrets. */
  readonly waitFor: readonly pulumi.Resource[];
}

/**
 * Registers each workload cluster in the hub's Argo CD: its cluster stack's endpoint, EKS name
 * and CA (a StackReference each) become a cluster Secret in the Argo CD namespace. Nothing is
 * protected or retained: a cluster removed from the environment's data loses its Secret. That
 * deletion cascades into nothing: Argo CD deletes no Application when a cluster Secret goes,
 * and the ApplicationSets that generate them are `create-update` (the controller never deletes
 * an Application) with `preserveResourcesOnDeletion` (no resources finalizer), so the
 * cluster's workloads keep running and its Applications report the cluster as unknown.
 */
export class WorkloadClusters extends pulumi.ComponentResource {
  /** The names Argo CD knows the clusters by, `<env>.<cluster>`, for the stack outputs. */
  public readonly names: readonly string[];
  public readonly secrets: readonly k8s.core.v1.Secret[];

  constructor(name: string, args: WorkloadClustersArgs, opts?: pulumi.ComponentResourceOptions) {
    super('platform:gitops:WorkloadClusters', name, {}, opts);
    this.names = args.clusters.map(({ cluster }) =>
      argoClusterName(args.environment, cluster.name),
    );
    this.secrets = args.clusters.map(({ cluster, stackName }) => {
      const stack = new pulumi.StackReference(
        `${name}-${cluster.name}-stack`,
        { name: stackName },
        { parent: this },
      );
      const stringData = pulumi
        .all([
          stack.requireOutput('clusterName'),
          stack.requireOutput('clusterEndpoint'),
          stack.requireOutput('clusterCertificateAuthority'),
        ])
        .apply(([eksClusterName, endpoint, certificateAuthority]) =>
          clusterSecretStringData(args.environment, cluster, {
            stack: stackName,
            eksClusterName: String(eksClusterName),
            endpoint: String(endpoint),
            certificateAuthority: String(certificateAuthority),
          }),
        );
      return new k8s.core.v1.Secret(
        `${name}-${cluster.name}`,
        {
          metadata: {
            ...clusterSecretMetadata(args.environment, cluster),
            namespace: args.argocdNamespace,
          },
          type: 'Opaque',
          stringData,
        },
        { parent: this, dependsOn: [...args.waitFor] },
      );
    });
    this.registerOutputs({ clusters: this.names });
  }
}
