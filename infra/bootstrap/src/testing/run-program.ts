import type { RawBootstrapConfig } from '../config/config-reader.js';
import type { BootstrapOutputs } from '../program.js';
import { CLUSTER_KUBECONFIG } from './config-fixtures.js';
import {
  RecordingMocks,
  installMocks,
  settle,
  type ClusterStackOutputs,
  type EngineLog,
} from './pulumi-mocks.js';

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

export interface ProgramRun {
  readonly mocks: RecordingMocks;
  readonly engine: EngineLog;
  readonly outputs: BootstrapOutputs;
}

/** Installs fresh mocks, then imports and runs the program, and waits for every registration. */
export async function runProgram(
  raw: RawBootstrapConfig,
  stack: string,
  stacks: Readonly<Record<string, ClusterStackOutputs>> = CLUSTER_STACKS,
): Promise<ProgramRun> {
  const mocks = new RecordingMocks(stacks);
  const engine = await installMocks(mocks, stack);
  const { bootstrap } = await import('../program.js');
  const outputs = bootstrap({ raw, stack });
  await settle();
  return { mocks, engine, outputs };
}
