import * as pulumi from '@pulumi/pulumi';

/** What a workload cluster's stack reads from its hub's stack (ClusterOutputs of a hub). */
export interface HubStackOutputs {
  /** The environment's zone, which the hub stack created or adopted. */
  readonly hostedZoneId: pulumi.Output<string>;
  /** The role the hub's Argo CD reaches this cluster as. */
  readonly argocdHubRoleArn: pulumi.Output<string>;
  /** The hub's NAT gateways' public IPs: where its Argo CD reaches this cluster's API from. */
  readonly natPublicIps: pulumi.Output<string[]>;
}

/**
 * The full name of the hub's stack in this project and organization: an environment's stacks
 * are stacks of one project (infra-cluster), so the hub's differs only by its stack name.
 */
export function hubStackName(hubStack: string): string {
  return `${pulumi.getOrganization()}/${pulumi.getProject()}/${hubStack}`;
}

/**
 * The hub stack's outputs, through a StackReference: required, so that a workload stack run
 * before its hub's first `pulumi up` fails naming the missing output instead of declaring a
 * cluster no Argo CD can reach.
 */
export function readHubStack(name: string, hubStack: string): HubStackOutputs {
  const hub = new pulumi.StackReference(name, { name: hubStackName(hubStack) });
  return {
    hostedZoneId: hub.requireOutput('hostedZoneId') as pulumi.Output<string>,
    argocdHubRoleArn: hub.requireOutput('argocdHubRoleArn') as pulumi.Output<string>,
    natPublicIps: hub.requireOutput('natPublicIps') as pulumi.Output<string[]>,
  };
}
