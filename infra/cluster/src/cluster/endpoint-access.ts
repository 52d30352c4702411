import { formatCidr, parseCidr, type Cidr } from '../config/cidr.js';

/**
 * Who may reach a workload cluster's public API endpoint: its configured CIDRs and each public IP
 * of its hub's NAT gateways (where the hub's Argo CD leaves its VPC) as a /32, sorted by address
 * and deduplicated. The VPCs cannot be peered (every one may be 10.0.0.0/16), so the hub comes
 * in over the public endpoint; IAM (an access entry) still decides what it may do there. Throws
 * naming the bad value: an address that is not IPv4, or no hub address at all (EKS would open an
 * endpoint given no CIDR to everyone).
 */
export function workloadEndpointCidrs(
  configured: readonly string[],
  hubEgressIps: readonly string[],
): string[] {
  if (hubEgressIps.length === 0) {
    throw new Error(
      "the hub stack's natPublicIps is empty: its Argo CD could not reach this cluster's API endpoint",
    );
  }
  const blocks = [
    ...configured.map((text) => parsed(text, `endpoint CIDR '${text}' is not a CIDR block`)),
    ...hubEgressIps.map((ip) =>
      parsed(`${ip}/32`, `hub NAT address '${ip}' (natPublicIps) is not an IPv4 address`),
    ),
  ];
  const unique = new Map(blocks.map((block) => [formatCidr(block), block]));
  return [...unique.values()]
    .sort((a, b) => a.address - b.address || a.prefix - b.prefix)
    .map(formatCidr);
}

function parsed(text: string, problem: string): Cidr {
  const block = parseCidr(text);
  if (!block) throw new Error(problem);
  return block;
}
