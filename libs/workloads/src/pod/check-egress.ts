import type { PropChecker } from '../prop-checker.js';
import type { EgressDestination } from './egress-props.js';

/** A destination lists ports, and names a valid namespace (with valid pod labels) or valid CIDRs. */
export function checkEgress(
  check: PropChecker,
  prop: string,
  destination: EgressDestination,
): void {
  if (destination.ports.length === 0)
    check.fail(`${prop}.ports`, [], 'must list at least one port');
  destination.ports.forEach((p, i) =>
    check.integerIn(`${prop}.ports[${i}].port`, p.port, 1, 65535),
  );
  if ('namespace' in destination) {
    check.dnsLabel(`${prop}.namespace`, destination.namespace);
    for (const [key, value] of Object.entries(destination.podLabels ?? {}))
      check.label(`${prop}.podLabels.${key}`, key, value);
  } else {
    check.cidr(`${prop}.cidr`, destination.cidr);
    (destination.except ?? []).forEach((cidr, i) => check.cidr(`${prop}.except[${i}]`, cidr));
  }
}
