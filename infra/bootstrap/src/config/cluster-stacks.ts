import type { ClusterTopology } from '@platform/environments';
import type { WorkloadCluster } from './bootstrap-config.js';

/**
 * The cluster stack the bootstrap stack connects to: the environment's one cluster (the stack
 * named after it), or, in a hub-and-spoke environment, the hub, which runs its one Argo CD.
 */
export function connectedStack(topology: ClusterTopology): string {
  return topology.kind === 'single' ? topology.stack : topology.hub.stack;
}

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
