import type { ClusterTopology } from '@platform/environments';
import type { WorkloadCluster } from './bootstrap-config.js';

/** `<org>/<project>/<stack>`, in the org and project of `stackName` (`<org>/<project>/<any>`). */
export function siblingStack(stackName: string, stack: string): string {
  return [...stackName.split('/').slice(0, 2), stack].join('/');
}

/**
 * The workload clusters the hub registers, each with its cluster stack: beside the hub's
 * (`hubStackName`), same org and project. None for an environment of one cluster.
 */
export function workloadClustersOf(
  topology: ClusterTopology,
  hubStackName: string,
): WorkloadCluster[] {
  if (topology.kind === 'single') return [];
  return topology.workloads.map((cluster) => ({
    cluster,
    stackName: siblingStack(hubStackName, cluster.stack),
  }));
}
