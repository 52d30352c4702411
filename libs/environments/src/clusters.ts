import { isDnsLabel } from '@platform/service-contracts';
import { engineOf, type Environment, type WorkloadSizing } from './environment.js';

/**
 * What a cluster may run differently from the rest of its environment. A cluster with any of
 * these syncs its own copy of the apps' directories, `manifests/<env>/_clusters/<name>/<app>/`,
 * rendered with the environment's data overridden by these; every other cluster syncs
 * `manifests/<env>/<app>/`.
 */
export interface ClusterValues {
  /** Sizing of every workload in this cluster (a region with less traffic). */
  readonly workloads?: WorkloadSizing;
  /** The log level of every app in this cluster. */
  readonly logLevel?: Environment['logLevel'];
  /** Configuration values by app, then key: merged over the environment's `config`. */
  readonly config?: Environment['config'];
}

/** What a cluster does in a hub-and-spoke environment. */
export const CLUSTER_ROLES = ['hub', 'workload'] as const;
export type ClusterRole = (typeof CLUSTER_ROLES)[number];

/** One cluster of an environment that lists its clusters (`Environment.clusters`). */
export interface EnvironmentCluster {
  /** DNS label, unique in the environment: Argo CD knows the cluster as `<env>.<name>`. */
  readonly name: string;
  /** The AWS region it runs in: its stack's `aws:region`, and a label of its Argo CD cluster Secret. */
  readonly region: string;
  /** The infra/cluster stack that creates it: unique in the workspace, a DNS label. */
  readonly stack: string;
  /**
   * `hub`: the management cluster, which runs the environment's one Argo CD and no apps (exactly
   * one per list); `workload`: runs the add-ons and the apps, registered in the hub's Argo CD.
   * @default 'workload'
   */
  readonly role?: ClusterRole;
  /** Its own values (workload clusters only). @default none: it syncs `manifests/<env>/<app>/` */
  readonly values?: ClusterValues;
}

/** The directory of the per-cluster copies of the apps: not a DNS label, so no app can take it. */
export const CLUSTERS_DIRECTORY = '_clusters';

/** How an environment's clusters are laid out, derived from its data. */
export type ClusterTopology =
  /** No `clusters` list (the default): one cluster, the stack `<env>`, runs the engine and the apps. */
  | { readonly kind: 'single'; readonly stack: string }
  /** A hub that runs Argo CD and workload clusters it syncs. */
  | {
      readonly kind: 'hub-and-spoke';
      readonly hub: EnvironmentCluster;
      readonly workloads: readonly EnvironmentCluster[];
    };

/** The role of a listed cluster (`workload` when unset). */
export function clusterRole(cluster: EnvironmentCluster): ClusterRole {
  return cluster.role ?? 'workload';
}

/** Whether a cluster has values of its own, and so a directory of its own. */
export function hasOwnValues(cluster: EnvironmentCluster): boolean {
  const values = cluster.values ?? {};
  return Object.values(values).some((value) => value !== undefined);
}

/**
 * An environment's clusters, checked: unique DNS-label names and stacks, one hub, at least one
 * workload cluster, values only on workload clusters, and Argo CD as the engine (the hub syncs
 * its spokes through cluster Secrets; Flux runs in each cluster it syncs). Throws naming the
 * environment, the field and the bad value.
 */
export function clusterTopology(environment: Environment): ClusterTopology {
  const clusters = environment.clusters;
  if (clusters === undefined) return { kind: 'single', stack: environment.name };
  const where = `environment '${environment.name}'`;
  if (engineOf(environment) !== 'argocd') {
    throw new Error(
      `${where}: clusters need engine 'argocd' (a hub's Argo CD syncs its workload clusters); remove clusters or the engine '${String(environment.engine)}'`,
    );
  }
  const names = new Set<string>();
  for (const cluster of clusters) {
    if (!isDnsLabel(cluster.name)) {
      throw new Error(`${where}: cluster name '${cluster.name}' is not a DNS-1123 label`);
    }
    if (names.has(cluster.name)) {
      throw new Error(`${where}: cluster '${cluster.name}' is listed twice`);
    }
    names.add(cluster.name);
    if (!isDnsLabel(cluster.stack)) {
      throw new Error(
        `${where}: cluster '${cluster.name}': stack '${cluster.stack}' is not a DNS-1123 label`,
      );
    }
    if (!/^[a-z]{2}(-[a-z]+)+-\d$/.test(cluster.region)) {
      throw new Error(
        `${where}: cluster '${cluster.name}': region '${cluster.region}' is not an AWS region (e.g. eu-west-1)`,
      );
    }
    const role: string = clusterRole(cluster);
    if (!(CLUSTER_ROLES as readonly string[]).includes(role)) {
      throw new Error(
        `${where}: cluster '${cluster.name}': role '${role}' is not one of ${CLUSTER_ROLES.join(', ')}`,
      );
    }
  }
  const hubs = clusters.filter((c) => clusterRole(c) === 'hub');
  const workloads = clusters.filter((c) => clusterRole(c) === 'workload');
  const [hub] = hubs;
  if (hub === undefined || hubs.length > 1) {
    throw new Error(
      `${where}: clusters need exactly one with role 'hub' (found ${hubs.length === 0 ? 'none' : hubs.map((c) => `'${c.name}'`).join(', ')})`,
    );
  }
  if (workloads.length === 0) {
    throw new Error(
      `${where}: clusters list a hub but no workload cluster; leave clusters unset for one cluster that runs everything`,
    );
  }
  if (hasOwnValues(hub)) {
    throw new Error(
      `${where}: hub '${hub.name}' has values, but a hub runs no apps: move them to a workload cluster`,
    );
  }
  return { kind: 'hub-and-spoke', hub, workloads };
}

/**
 * The infra/cluster stack of the cluster that runs an environment's GitOps engine: its hub's
 * (with the hub's region), or, for one cluster, the stack named after it (its region is its
 * stack file's). infra/bootstrap connects there; CI's drift check reads the engine there.
 */
export function engineClusterStack(environment: Environment): {
  readonly stack: string;
  readonly region?: string;
} {
  const topology = clusterTopology(environment);
  return topology.kind === 'single'
    ? { stack: topology.stack }
    : { stack: topology.hub.stack, region: topology.hub.region };
}

/** The workload clusters of an environment that have values of their own (none when single). */
export function clustersWithOwnValues(environment: Environment): EnvironmentCluster[] {
  const topology = clusterTopology(environment);
  return topology.kind === 'single' ? [] : topology.workloads.filter(hasOwnValues);
}

/**
 * The environment a cluster's apps render with: the environment's data with the cluster's
 * values over it (`config` merged by app, then key).
 */
export function clusterEnvironment(
  environment: Environment,
  cluster: EnvironmentCluster,
): Environment {
  const values = cluster.values ?? {};
  const apps = new Set([
    ...Object.keys(environment.config ?? {}),
    ...Object.keys(values.config ?? {}),
  ]);
  const config = Object.fromEntries(
    [...apps].map((app) => [app, { ...environment.config?.[app], ...values.config?.[app] }]),
  );
  return {
    ...environment,
    ...(values.workloads ? { workloads: values.workloads } : {}),
    ...(values.logLevel ? { logLevel: values.logLevel } : {}),
    ...(apps.size > 0 ? { config } : {}),
  };
}

/** `manifests/<env>/_clusters/<cluster>`: the root of a cluster's own app directories. */
export function clusterAppsDirectory(environment: string, cluster: string): string {
  return `manifests/${environment}/${CLUSTERS_DIRECTORY}/${cluster}`;
}

/**
 * The name Argo CD knows a workload cluster by (its cluster Secret's `name`): `<env>.<cluster>`.
 * A dot, which no environment or cluster name holds, so the name parses back, no two clusters
 * of any environments share one (`a-b` + `c` and `a` + `b-c` would), and `<env>.*` matches the
 * environment's clusters only.
 */
export function argoClusterName(environment: string, cluster: string): string {
  return `${environment}.${cluster}`;
}

/** The glob of every Argo CD cluster name of an environment (the AppProjects' destinations). */
export function argoClusterPattern(environment: string): string {
  return `${environment}.*`;
}

/** Which environment and cluster an infra/cluster stack creates. */
export interface ClusterStack {
  readonly environment: Environment;
  /** The listed cluster, or undefined for the single cluster of an environment without a list. */
  readonly cluster: EnvironmentCluster | undefined;
  /** `single` (the environment's one cluster), `hub` or `workload`. */
  readonly role: 'single' | ClusterRole;
  /** The hub's stack, for a workload cluster (its stack reads the hub's outputs). */
  readonly hubStack: string | undefined;
}

/**
 * The cluster a stack creates: the listed cluster whose `stack` it is, or, for an environment
 * without a list, the stack named after the environment. Undefined when no environment has it.
 */
export function clusterOfStack(
  environments: readonly Environment[],
  stack: string,
): ClusterStack | undefined {
  for (const environment of environments) {
    const topology = clusterTopology(environment);
    if (topology.kind === 'single') {
      if (topology.stack === stack) {
        return { environment, cluster: undefined, role: 'single', hubStack: undefined };
      }
      continue;
    }
    const cluster = [topology.hub, ...topology.workloads].find((c) => c.stack === stack);
    if (cluster) {
      const role = clusterRole(cluster);
      return {
        environment,
        cluster,
        role,
        hubStack: role === 'workload' ? topology.hub.stack : undefined,
      };
    }
  }
  return undefined;
}

/**
 * Every stack the environments' clusters name, each once: refuses a stack two clusters share,
 * and one whose name followed by `-` begins another's.
 */
export function clusterStacks(environments: readonly Environment[]): string[] {
  const owners = new Map<string, string>();
  for (const environment of environments) {
    const topology = clusterTopology(environment);
    const entries =
      topology.kind === 'single'
        ? [[topology.stack, `environment '${environment.name}'`] as const]
        : [topology.hub, ...topology.workloads].map(
            (c) => [c.stack, `cluster '${c.name}' of environment '${environment.name}'`] as const,
          );
    for (const [stack, owner] of entries) {
      const other = owners.get(stack);
      if (other) throw new Error(`stack '${stack}' is created by both ${other} and ${owner}`);
      owners.set(stack, owner);
    }
  }
  // A stack names everything it owns `<platformName>-<stack>-…`, and its roles may manage
  // `<platformName>-<stack>-*`: a stack named like another's prefix would reach its roles.
  for (const [stack, owner] of owners) {
    for (const [longer, other] of owners) {
      if (longer.startsWith(`${stack}-`)) {
        throw new Error(
          `stack '${stack}' (${owner}) is a prefix of stack '${longer}' (${other}): its roles, which manage '<platformName>-${stack}-*', would reach the other's; rename one`,
        );
      }
    }
  }
  return [...owners.keys()];
}
