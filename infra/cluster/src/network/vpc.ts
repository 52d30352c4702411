import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import { parseCidr, planSubnets } from '../config/cidr.js';
import type { NatGatewayMode } from '../config/cluster-config.js';
import { subnetTags, type SubnetTier } from './subnet-tags.js';

export interface VpcArgs {
  /** The VPC's block, a /16 to /20; the subnets are laid out from it by planSubnets. */
  readonly cidrBlock: string;
  /** Two or more zones of the provider's region; one public and one private subnet in each. */
  readonly availabilityZones: readonly string[];
  /**
   * `per-zone`: a NAT gateway in each zone, so losing a zone cuts no other zone off the
   * internet; `single`: one NAT gateway in the first zone, cheaper, for non-production.
   * @default 'per-zone'
   */
  readonly natGateways?: NatGatewayMode;
  /** The EKS cluster the subnets are tagged for. */
  readonly clusterName: string;
}

/**
 * A VPC across the given zones: public subnets (internet gateway) for load balancers and NAT
 * gateways, private subnets (default route through a NAT gateway) for nodes. No subnet gives
 * its instances public addresses, and the default security group is emptied.
 */
export class Vpc extends pulumi.ComponentResource {
  public readonly vpcId: pulumi.Output<string>;
  public readonly publicSubnetIds: pulumi.Output<string[]>;
  public readonly privateSubnetIds: pulumi.Output<string[]>;
  /** How many NAT gateways the VPC runs. */
  public readonly natGatewayCount: number;
  /**
   * The NAT gateways' Elastic IPs: the addresses everything in the private subnets (the nodes,
   * so a hub's Argo CD) reaches the internet from.
   */
  public readonly natPublicIps: pulumi.Output<string[]>;

  constructor(name: string, args: VpcArgs, opts?: pulumi.ComponentResourceOptions) {
    super('platform:network:Vpc', name, {}, opts);
    const block = parseCidr(args.cidrBlock);
    if (!block) throw new Error(`Vpc ${name}: cidrBlock '${args.cidrBlock}' is not a CIDR block`);
    const layout = planSubnets(block, args.availabilityZones);
    const parent = { parent: this };

    const vpc = new aws.ec2.Vpc(
      `${name}-vpc`,
      {
        cidrBlock: args.cidrBlock,
        enableDnsHostnames: true,
        enableDnsSupport: true,
        tags: { Name: name },
      },
      parent,
    );
    new aws.ec2.DefaultSecurityGroup(
      `${name}-default-sg`,
      { vpcId: vpc.id, ingress: [], egress: [] },
      parent,
    );
    const gateway = new aws.ec2.InternetGateway(
      `${name}-igw`,
      { vpcId: vpc.id, tags: { Name: name } },
      parent,
    );
    const publicRoutes = new aws.ec2.RouteTable(
      `${name}-public`,
      { vpcId: vpc.id, tags: { Name: `${name}-public` } },
      parent,
    );
    new aws.ec2.Route(
      `${name}-public-internet`,
      { routeTableId: publicRoutes.id, destinationCidrBlock: '0.0.0.0/0', gatewayId: gateway.id },
      parent,
    );

    const subnet = (
      tier: SubnetTier,
      zone: string,
      cidrBlock: string,
      routeTableId: pulumi.Input<string>,
    ) => {
      const created = new aws.ec2.Subnet(
        `${name}-${tier}-${zone}`,
        {
          vpcId: vpc.id,
          availabilityZone: zone,
          cidrBlock,
          mapPublicIpOnLaunch: false,
          tags: { Name: `${name}-${tier}-${zone}`, ...subnetTags(tier, args.clusterName) },
        },
        parent,
      );
      new aws.ec2.RouteTableAssociation(
        `${name}-${tier}-${zone}`,
        { subnetId: created.id, routeTableId },
        parent,
      );
      return created;
    };

    const publicSubnets = layout.map(({ zone, public: cidrBlock }) => ({
      zone,
      subnet: subnet('public', zone, cidrBlock, publicRoutes.id),
    }));
    this.natGatewayCount = (args.natGateways ?? 'per-zone') === 'per-zone' ? layout.length : 1;
    const nats = publicSubnets.slice(0, this.natGatewayCount).map(({ zone, subnet }) => {
      const address = new aws.ec2.Eip(
        `${name}-nat-${zone}`,
        { domain: 'vpc', tags: { Name: `${name}-nat-${zone}` } },
        parent,
      );
      const natGateway = new aws.ec2.NatGateway(
        `${name}-nat-${zone}`,
        {
          allocationId: address.id,
          subnetId: subnet.id,
          tags: { Name: `${name}-nat-${zone}` },
        },
        { parent: this, dependsOn: [gateway] },
      );
      return { address, natGateway };
    });
    // Each zone leaves through its own NAT gateway, or through the single one.
    const natGatewayFor = (i: number) => (nats[i] ?? nats[0])?.natGateway;
    const privateSubnets = layout.map(({ zone, private: cidrBlock }, i) => {
      const routes = new aws.ec2.RouteTable(
        `${name}-private-${zone}`,
        { vpcId: vpc.id, tags: { Name: `${name}-private-${zone}` } },
        parent,
      );
      new aws.ec2.Route(
        `${name}-private-${zone}-internet`,
        {
          routeTableId: routes.id,
          destinationCidrBlock: '0.0.0.0/0',
          natGatewayId: natGatewayFor(i)?.id,
        },
        parent,
      );
      return subnet('private', zone, cidrBlock, routes.id);
    });

    this.vpcId = vpc.id;
    this.publicSubnetIds = pulumi.output(publicSubnets.map((s) => s.subnet.id));
    this.privateSubnetIds = pulumi.output(privateSubnets.map((s) => s.id));
    this.natPublicIps = pulumi.output(nats.map(({ address }) => address.publicIp));
    this.registerOutputs({
      vpcId: this.vpcId,
      publicSubnetIds: this.publicSubnetIds,
      privateSubnetIds: this.privateSubnetIds,
    });
  }
}
