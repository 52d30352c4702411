import { describe, expect, it } from 'vitest';
import { workloadEndpointCidrs } from './endpoint-access.js';

describe('workloadEndpointCidrs', () => {
  it('admits the configured CIDRs and each hub address as a /32, by address, once each', () => {
    expect(
      workloadEndpointCidrs(
        ['203.0.113.0/24', '192.0.2.44/32'],
        ['198.51.100.7', '192.0.2.44', '198.51.100.7', '9.9.9.9'],
      ),
    ).toEqual(['9.9.9.9/32', '192.0.2.44/32', '198.51.100.7/32', '203.0.113.0/24']);
  });

  it('admits only the hub when no CIDR is configured (a private endpoint otherwise)', () => {
    expect(workloadEndpointCidrs([], ['198.51.100.7'])).toEqual(['198.51.100.7/32']);
  });

  it('orders a block before a narrower one at the same address', () => {
    expect(workloadEndpointCidrs(['198.51.100.0/32', '198.51.100.0/24'], ['192.0.2.1'])).toEqual([
      '192.0.2.1/32',
      '198.51.100.0/24',
      '198.51.100.0/32',
    ]);
  });

  it('refuses a hub without addresses: EKS opens an endpoint without CIDRs to everyone', () => {
    expect(() => workloadEndpointCidrs(['203.0.113.0/24'], [])).toThrow(
      "the hub stack's natPublicIps is empty",
    );
  });

  it('refuses what is not an IPv4 address, naming it', () => {
    expect(() => workloadEndpointCidrs([], ['2001:db8::1'])).toThrow(
      "hub NAT address '2001:db8::1' (natPublicIps) is not an IPv4 address",
    );
    expect(() => workloadEndpointCidrs([], ['198.51.100.7/32'])).toThrow("'198.51.100.7/32'");
    expect(() => workloadEndpointCidrs(['10.0.0.1/16'], ['198.51.100.7'])).toThrow(
      "endpoint CIDR '10.0.0.1/16' is not a CIDR block",
    );
  });
});
