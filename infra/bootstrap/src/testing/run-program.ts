import { runStack, type StackRun, type StackValues } from '@platform/infra-stack-kit/testing';
import { readStackConfig } from '@platform/infra-stack-kit';
import { PROJECT } from '../config/bootstrap-fields.js';
import type { BootstrapOutputs } from '../program.js';
import { BOOTSTRAP_PROJECT, CLUSTER_KUBECONFIG, SECRET_KEYS } from './config-fixtures.js';
import { kubernetesMocks, type ClusterStackOutputs } from './kubernetes-mocks.js';
import type { WorkspaceData } from './problems-of.js';

/** The outputs infra/cluster exports, for each of its stacks. */
export function clusterStack(
  environment: string,
  secretOutputNames?: readonly string[],
): ClusterStackOutputs {
  return {
    outputs: {
      clusterName: `platform-${environment}`,
      clusterEndpoint: 'https://ABC123.gr7.eu-west-1.eks.amazonaws.com',
      kubeconfig: CLUSTER_KUBECONFIG,
      oidcProviderArn:
        'arn:aws:iam::111122223333:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/ABC123',
      imageRegistry: `111122223333.dkr.ecr.eu-west-1.amazonaws.com/platform-${environment}`,
      ciRoleArn: 'arn:aws:iam::111122223333:role/platform-ci',
    },
    ...(secretOutputNames ? { secretOutputNames } : {}),
  };
}

export const CLUSTER_STACKS = {
  'acme/infra-cluster/staging': clusterStack('staging'),
  'acme/infra-cluster/production': clusterStack('production'),
};

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
