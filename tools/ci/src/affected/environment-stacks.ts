import { clusterTopology, type Environment, type EnvironmentCluster } from '@platform/environments';
import type { PulumiProgram } from './affected-stacks.js';

/** The program whose stacks are the environment's clusters; every other program has one stack. */
export const CLUSTER_PROGRAM = 'infra/cluster';

/**
 * One stack a workflow job previews or applies. `roleArn` is set only for a workload cluster's
 * stack, which has its own CI roles; every other stack (a single cluster's, a hub's,
 * infra/bootstrap's) uses the environment's role variables (`AWS_CI_ROLE_ARN_<ENV>`,
 * `AWS_PREVIEW_ROLE_ARN_<ENV>`), which the one-time setup sets from the stack named after the
 * environment or from its hub's. `region` is a listed cluster's (hub or workload) region, from the
 * data; without it (no list, or infra/bootstrap) the job uses `AWS_REGION`.
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
): { stack: string; hub?: EnvironmentCluster; workload?: EnvironmentCluster }[] {
  const topology = clusterTopology(environment);
  if (topology.kind === 'single') return [{ stack: topology.stack }];
  return [
    { stack: topology.hub.stack, hub: topology.hub },
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
      ? clusterStackList(environment).map(({ stack, hub, workload }) => ({
          ...program,
          environment: environment.name,
          stack,
          ...(hub ? { region: hub.region } : {}),
          ...(workload ? ownCredentials(workload) : {}),
        }))
      : [{ ...program, environment: environment.name, stack: environment.name }],
  );
}
