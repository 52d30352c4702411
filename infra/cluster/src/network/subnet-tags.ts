/** Which way a subnet faces: public subnets hold load balancers and NAT gateways, private ones nodes. */
export type SubnetTier = 'public' | 'private';

/**
 * The tags EKS and the AWS Load Balancer Controller read: `kubernetes.io/role/elb` marks the
 * subnets for internet-facing load balancers, `kubernetes.io/role/internal-elb` those for
 * internal ones (and the nodes). The cluster tag is `shared`, not `owned`: the subnets belong
 * to the VPC, which outlives any one cluster (a replacement cluster can join the same subnets).
 */
export function subnetTags(tier: SubnetTier, clusterName: string): Record<string, string> {
  return {
    [tier === 'public' ? 'kubernetes.io/role/elb' : 'kubernetes.io/role/internal-elb']: '1',
    [`kubernetes.io/cluster/${clusterName}`]: 'shared',
  };
}
