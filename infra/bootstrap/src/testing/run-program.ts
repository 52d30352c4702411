import { clusterTopology, type Environment } from '@platform/environments';
import { runStack, type StackRun, type StackValues } from '@platform/infra-stack-kit/testing';
import { readStackConfig } from '@platform/infra-stack-kit';
import { PROJECT } from '../config/bootstrap-fields.js';
import type { BootstrapOutputs } from '../program.js';
import { BOOTSTRAP_PROJECT, SECRET_KEYS, clusterKubeconfig } from './config-fixtures.js';
import { kubernetesMocks, type ClusterStackOutputs } from './kubernetes-mocks.js';
import type { WorkspaceData } from './problems-of.js';

/**
 * The outputs infra/cluster exports for the stack `name` (its cluster, in `region`): each
 * stack's own endpoint, kubeconfig and CA, so a test can tell which stack a value came from.
 */
export function clusterStack(
  name: string,
  options: {
    /** @default ['kubeconfig'] (what the mocks assume when unset) */
    readonly secretOutputNames?: readonly string[];
    /** @default 'eu-west-1' */
    readonly region?: string;
  } = {},
): ClusterStackOutputs {
  const { secretOutputNames, region = 'eu-west-1' } = options;
  const endpoint = `https://${name.replace(/-/g, '').toUpperCase()}.gr7.${region}.eks.amazonaws.com`;
  return {
    outputs: {
      clusterName: `platform-${name}`,
      clusterEndpoint: endpoint,
      clusterCertificateAuthority: Buffer.from(`test-ca-of-${name}`).toString('base64'),
      kubeconfig: clusterKubeconfig(name, endpoint),
      oidcProviderArn: `arn:aws:iam::111122223333:oidc-provider/oidc.eks.${region}.amazonaws.com/id/ABC123`,
      imageRegistry: `111122223333.dkr.ecr.${region}.amazonaws.com/platform-${name}`,
      ciRoleArn: 'arn:aws:iam::111122223333:role/platform-ci',
    },
    ...(secretOutputNames ? { secretOutputNames } : {}),
  };
}

export const CLUSTER_STACKS = {
  'acme/infra-cluster/staging': clusterStack('staging'),
  'acme/infra-cluster/production': clusterStack('production'),
};

/**
 * The stacks of every cluster an environment lists, as `acme/infra-cluster/<stack>`, each in
 * its cluster's region; the hub's also exports the role its Argo CD runs as.
 */
export function environmentClusterStacks(
  environment: Environment,
): Record<string, ClusterStackOutputs> {
  const topology = clusterTopology(environment);
  if (topology.kind === 'single') {
    return { [`acme/infra-cluster/${topology.stack}`]: clusterStack(topology.stack) };
  }
  const stacks = topology.workloads.map(
    (c) => [`acme/infra-cluster/${c.stack}`, clusterStack(c.stack, { region: c.region })] as const,
  );
  const hub = clusterStack(topology.hub.stack, { region: topology.hub.region });
  const hubRole = `arn:aws:iam::111122223333:role/${topology.hub.stack}-argocd-hub`;
  return Object.fromEntries([
    [
      `acme/infra-cluster/${topology.hub.stack}`,
      { ...hub, outputs: { ...hub.outputs, argocdHubRoleArn: hubRole } },
    ],
    ...stacks,
  ]);
}

export type ProgramRun = StackRun<BootstrapOutputs>;

/**
 * Runs the program as `pulumi up` would with these stack values (Pulumi.yaml's defaults
 * applied, the secrets set with `--secret`), under fresh mocks; waits for every registration.
 */
export function runProgram(
  values: StackValues,
  stack: string,
  options: WorkspaceData & {
    /** The cluster stacks the program may reference. @default CLUSTER_STACKS */
    readonly stacks?: Readonly<Record<string, ClusterStackOutputs>>;
  } = {},
): Promise<ProgramRun> {
  const { stacks = CLUSTER_STACKS, environments, repository } = options;
  return runStack({
    project: BOOTSTRAP_PROJECT,
    stack,
    values,
    secretKeys: SECRET_KEYS,
    handlers: kubernetesMocks(stacks),
    program: async () => {
      const { bootstrap } = await import('../program.js');
      return bootstrap({
        raw: readStackConfig(PROJECT),
        stack,
        ...(environments ? { environments } : {}),
        ...(repository ? { repository } : {}),
      });
    },
  });
}
