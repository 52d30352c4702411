import type { Environment, EnvironmentCluster } from '@platform/environments';
import type { OwnCredentials } from './environment-stacks.js';
import { ciRoleArn, readStackCiAccount, type CiRoleKind } from './stack-ci-role.js';

/**
 * A workload cluster's own credentials, from `<clusterDir>/Pulumi.<stack>.yaml`: the `kind` role
 * of its stack and the data's region. Refuses, naming the file, a stack file whose region is not
 * the data's, and (GitHub stacks) a deploy role that would not trust the jobs of the
 * environment's GitHub environment, which is where infra.yml runs its `pulumi up`.
 */
export function workloadCredentials(
  clusterDir: string,
  environment: Environment,
  kind: CiRoleKind,
): (cluster: EnvironmentCluster) => OwnCredentials {
  return (cluster) => {
    const account = readStackCiAccount(clusterDir, cluster.stack);
    if (account.region !== cluster.region) {
      throw new Error(
        `${account.file}: region '${account.region}' is not the region of cluster '${cluster.name}' of environment '${environment.name}' ('${cluster.region}' in libs/environments)`,
      );
    }
    if (
      kind === 'deploy' &&
      account.ciProvider === 'github' &&
      !account.githubEnvironments.includes(environment.name)
    ) {
      throw new Error(
        `${account.file}: githubEnvironments [${account.githubEnvironments.join(', ')}] leaves out '${environment.name}': the deploy role of stack '${cluster.stack}' would refuse the jobs that apply environment '${environment.name}'`,
      );
    }
    return { roleArn: ciRoleArn(account, cluster.stack, kind), region: cluster.region };
  };
}
