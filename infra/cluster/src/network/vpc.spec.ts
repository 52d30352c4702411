import { beforeAll, describe, expect, it } from 'vitest';
import { defineStacks } from '../testing/define-stacks.js';
import type { RecordedResource, ResourceRecorder } from '@platform/infra-stack-kit/testing';

let recorder: ResourceRecorder;

beforeAll(async () => {
  ({ recorder } = await defineStacks(['staging', 'production']));
});

const ZONES = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
const subnets = (stack: string, tier: 'public' | 'private') =>
  ZONES.map((zone) =>
    recorder.find('aws:ec2/subnet:Subnet', `platform-${stack}-network-${tier}-${zone}`),
  );
/** The route table a subnet is associated with. */
const routeTableOf = (subnet: RecordedResource) =>
  recorder.find('aws:ec2/routeTableAssociation:RouteTableAssociation', subnet.name).inputs[
    'routeTableId'
  ];
const defaultRoute = (routeTableId: string) =>
  recorder
    .ofType('aws:ec2/route:Route')
    .find(
      (route) =>
        route.inputs['routeTableId'] === routeTableId &&
        route.inputs['destinationCidrBlock'] === '0.0.0.0/0',
    );

describe.each(['staging', 'production'])('the %s network', (stack) => {
  const prefix = `platform-${stack}-network`;

  it('is one VPC with DNS, from the configured block', () => {
    const vpc = recorder.find('aws:ec2/vpc:Vpc', `${prefix}-vpc`);
    expect(vpc.inputs).toMatchObject({
      cidrBlock: stack === 'staging' ? '10.10.0.0/16' : '10.20.0.0/16',
      enableDnsHostnames: true,
      enableDnsSupport: true,
    });
  });

  it('has a public and a private subnet in each of the three zones, inside the VPC block', () => {
    for (const tier of ['public', 'private'] as const) {
      const created = subnets(stack, tier);
      expect(created.map((subnet) => subnet.inputs['availabilityZone'])).toEqual(ZONES);
      for (const subnet of created) {
        expect(subnet.inputs['cidrBlock']).toMatch(stack === 'staging' ? /^10\.10\./ : /^10\.20\./);
      }
    }
  });

  it('gives no instance a public address, in any subnet', () => {
    const all = recorder.named('aws:ec2/subnet:Subnet', prefix);
    expect(all).toHaveLength(6);
    for (const subnet of all) expect(subnet.inputs['mapPublicIpOnLaunch']).toBe(false);
  });

  it('tags public subnets for internet-facing load balancers and private ones for internal ones', () => {
    for (const subnet of subnets(stack, 'public')) {
      expect(subnet.inputs['tags']).toMatchObject({
        'kubernetes.io/role/elb': '1',
        [`kubernetes.io/cluster/platform-${stack}`]: 'shared',
      });
      expect(subnet.inputs['tags']).not.toHaveProperty('kubernetes.io/role/internal-elb');
    }
    for (const subnet of subnets(stack, 'private')) {
      expect(subnet.inputs['tags']).toMatchObject({
        'kubernetes.io/role/internal-elb': '1',
        [`kubernetes.io/cluster/platform-${stack}`]: 'shared',
      });
      expect(subnet.inputs['tags']).not.toHaveProperty('kubernetes.io/role/elb');
    }
  });

  it('routes public subnets to the internet gateway and private ones only through NAT', () => {
    const gatewayId = `${prefix}-igw-id`;
    for (const subnet of subnets(stack, 'public')) {
      expect(defaultRoute(routeTableOf(subnet))?.inputs).toMatchObject({ gatewayId });
    }
    for (const subnet of subnets(stack, 'private')) {
      const route = defaultRoute(routeTableOf(subnet));
      expect(route?.inputs['natGatewayId']).toMatch(
        new RegExp(`^${prefix}-nat-eu-west-1[abc]-id$`),
      );
      expect(route?.inputs['gatewayId']).toBeUndefined();
    }
  });

  it('puts its NAT gateways in public subnets, with an elastic address each', () => {
    const publicIds = subnets(stack, 'public').map((subnet) => `${subnet.name}-id`);
    for (const nat of recorder.named('aws:ec2/natGateway:NatGateway', prefix)) {
      expect(publicIds).toContain(nat.inputs['subnetId']);
      expect(nat.inputs['allocationId']).toBe(`${nat.name}-id`);
    }
  });

  it('empties the default security group', () => {
    expect(
      recorder.find('aws:ec2/defaultSecurityGroup:DefaultSecurityGroup', `${prefix}-default-sg`)
        .inputs,
    ).toMatchObject({
      ingress: [],
      egress: [],
    });
  });
});

describe('NAT gateways by stack', () => {
  const natOf = (stack: string, zone: string) =>
    defaultRoute(
      routeTableOf(
        recorder.find('aws:ec2/subnet:Subnet', `platform-${stack}-network-private-${zone}`),
      ),
    )?.inputs['natGatewayId'];

  it('staging shares one NAT gateway across its zones', () => {
    expect(recorder.named('aws:ec2/natGateway:NatGateway', 'platform-staging-')).toHaveLength(1);
    expect(new Set(ZONES.map((zone) => natOf('staging', zone)))).toEqual(
      new Set(['platform-staging-network-nat-eu-west-1a-id']),
    );
  });

  it('production has one per zone, and each zone leaves through its own', () => {
    expect(recorder.named('aws:ec2/natGateway:NatGateway', 'platform-production-')).toHaveLength(3);
    for (const zone of ZONES)
      expect(natOf('production', zone)).toBe(`platform-production-network-nat-${zone}-id`);
  });
});
