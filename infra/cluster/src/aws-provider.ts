import * as aws from '@pulumi/aws';
import type * as pulumi from '@pulumi/pulumi';
import type { ClusterConfig } from './config/cluster-config.js';

/**
 * The tags every resource of the stack carries, through the provider's default tags. A listed
 * cluster's stack also tags its stack (`cluster`): an environment's stacks may share an account,
 * and the deploy role's tag conditions keep each stack to its own resources.
 */
export function commonTags(config: ClusterConfig): Record<string, string> {
  return {
    environment: config.environment,
    project: config.platformName,
    ...clusterTag(config),
    'managed-by': 'pulumi',
  };
}

/** `{ cluster: <stack> }` for a listed cluster's stack; none for an environment's one cluster. */
export function clusterTag(config: ClusterConfig): { cluster?: string } {
  return config.placement.role === 'single' ? {} : { cluster: config.stack };
}

/**
 * The one AWS provider the stack uses: pinned to the stack's region and account (a stack run
 * with another account's credentials fails before it changes anything) and tagging everything.
 */
export function createAwsProvider(config: ClusterConfig): aws.Provider {
  return new aws.Provider(`${config.namePrefix}-aws`, {
    region: config.region as aws.Region,
    allowedAccountIds: [config.accountId],
    defaultTags: { tags: commonTags(config) },
  });
}

/**
 * The AWS provider a component inherited. Remote components (@pulumi/eks) only receive the
 * providers passed to them explicitly, so components hand this one on by name.
 */
export function awsProviderOf(component: pulumi.Resource): pulumi.ProviderResource {
  const provider = component.getProvider('aws:index:Provider');
  if (!provider) throw new Error('this component needs an AWS provider: pass `providers: { aws }`');
  return provider;
}
