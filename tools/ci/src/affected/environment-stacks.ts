import { clusterTopology, type Environment, type EnvironmentCluster } from '@platform/environments';
import type { PulumiProgram } from './affected-stacks.js';

/** The program whose stacks are the environment's clusters; every other program has one stack. */
export const CLUSTER_PROGRAM = 'infra/cluster';

/**
 * One stack a workflow job previews or applies. `region` and `roleArn` are set only for a
 * workload cluster's stack, which has its own CI roles in its own region; every other stack (a
 * single cluster's, a hub's, infra/bootstrap's) uses the environment's role and region variables
 * (`AWS_CI_ROLE_ARN_<ENV>`, `AWS_PREVIEW_ROLE_ARN_<ENV>`, `AWS_REGION`), which the one-time setup
 * sets from the stack named after the environment or its hub's.
 */
export interface StackTarget extends PulumiProgram {
  readonly environment: string;
  readonly stack: string;
  readonly region?: string;
  readonly roleArn?: string;
}

/** A workload cluster stack's own CI role and region. */
export interface OwnCredentials {
  readonly roleArn: string;
  readonly region: string;
}

/** An environment's cluster stacks in apply order: the hub first (its outputs are read by the rest). */
function clusterStackList(
  environment: Environment,
): { stack: string; workload?: EnvironmentCluster }[] {
  const topology = clusterTopology(environment);
  if (topology.kind === 'single') return [{ stack: topology.stack }];
  return [
    { stack: topology.hub.stack },
    ...topology.workloads.map((cluster) => ({ stack: cluster.stack, workload: cluster })),
  ];
}

/**
 * The stacks of `programs` (in apply order) for one environment, in apply order: infra/cluster
 * becomes each of the environment's cluster stacks, hub first, then the workload clusters; every
 * other program (infra/bootstrap, which connects to the hub) the stack named after the
 * environment. `ownCredentials` names a workload cluster's role and region.
 */
export function environmentStacks(
  programs: readonly PulumiProgram[],
  environment: Environment,
  ownCredentials: (cluster: EnvironmentCluster) => OwnCredentials,
): StackTarget[] {
  return programs.flatMap((program) =>
    program.dir === CLUSTER_PROGRAM
      ? clusterStackList(environment).map(({ stack, workload }) => ({
          ...program,
          environment: environment.name,
          stack,
          ...(workload ? ownCredentials(workload) : {}),
        }))
      : [{ ...program, environment: environment.name, stack: environment.name }],
  );
}

/**
 * The infra/cluster stack of the cluster that runs an environment's GitOps engine: its hub's,
 * or the one named after it.
 */
export function engineStack(environment: Environment): string {
  const topology = clusterTopology(environment);
  return topology.kind === 'single' ? topology.stack : topology.hub.stack;
}
