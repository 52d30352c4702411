import type { ResourceValidationPolicy } from '@pulumi/policy';
import { isTrue, listOf, objectOf } from './props.js';

const INTERNAL_ELB = 'kubernetes.io/role/internal-elb';

/** Private (node) subnets never hand out public addresses, and are not load-balancer facing. */
export const privateSubnetsAssignNoPublicIp: ResourceValidationPolicy = {
  name: 'private-subnets-assign-no-public-ip',
  description:
    'A subnet tagged kubernetes.io/role/internal-elb holds nodes: it must not map public IPs on launch, nor be tagged for internet-facing load balancers.',
  enforcementLevel: 'mandatory',
  validateResource: (args, reportViolation) => {
    if (args.type !== 'aws:ec2/subnet:Subnet') return;
    const tags = objectOf(args.props['tags']);
    if (tags[INTERNAL_ELB] !== '1') return;
    if (isTrue(args.props['mapPublicIpOnLaunch'])) {
      reportViolation(
        'This private subnet sets mapPublicIpOnLaunch: its nodes would get public IPs.',
      );
    }
    if (tags['kubernetes.io/role/elb'] !== undefined) {
      reportViolation(
        'This private subnet is also tagged kubernetes.io/role/elb (internet-facing).',
      );
    }
  },
};

/** Launch templates never ask for a public address: the subnet decides, and ours are private. */
export const launchTemplatesAssignNoPublicIp: ResourceValidationPolicy = {
  name: 'launch-templates-assign-no-public-ip',
  description:
    'A launch template must not associate public IP addresses with its network interfaces.',
  enforcementLevel: 'mandatory',
  validateResource: (args, reportViolation) => {
    if (args.type !== 'aws:ec2/launchTemplate:LaunchTemplate') return;
    const publicInterfaces = listOf(args.props['networkInterfaces']).filter((networkInterface) =>
      isTrue(objectOf(networkInterface)['associatePublicIpAddress']),
    );
    if (publicInterfaces.length > 0) {
      reportViolation(
        'This launch template associates a public IP address with a network interface.',
      );
    }
  },
};

/** Instance metadata requires IMDSv2 session tokens, at most two network hops away. */
export const imdsv2Required: ResourceValidationPolicy = {
  name: 'imdsv2-required',
  description:
    'Launch templates and instances must require IMDSv2 (metadataOptions.httpTokens: required) with a hop limit of 1 or 2.',
  enforcementLevel: 'mandatory',
  validateResource: (args, reportViolation) => {
    if (
      args.type !== 'aws:ec2/launchTemplate:LaunchTemplate' &&
      args.type !== 'aws:ec2/instance:Instance'
    ) {
      return;
    }
    const metadata = objectOf(args.props['metadataOptions']);
    if (metadata['httpEndpoint'] === 'disabled') return;
    if (metadata['httpTokens'] !== 'required') {
      reportViolation(
        `metadataOptions.httpTokens is ${JSON.stringify(metadata['httpTokens'] ?? 'unset')}: IMDSv1 stays open; set it to "required".`,
      );
    }
    const hops = metadata['httpPutResponseHopLimit'];
    if (hops !== undefined && (typeof hops !== 'number' || hops < 1 || hops > 2)) {
      reportViolation(
        `metadataOptions.httpPutResponseHopLimit is ${JSON.stringify(hops)}: use 1 or 2.`,
      );
    }
  },
};
