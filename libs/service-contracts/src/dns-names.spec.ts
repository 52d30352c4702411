import { describe, expect, it } from 'vitest';
import { DNS_LABEL, isDnsLabel, isDnsSubdomain } from './dns-names.js';

describe('DNS_LABEL', () => {
  it.each(['a', 'orders', 'billing-api', 'a1', 'x'.repeat(63)])('accepts %s', (name) => {
    expect(DNS_LABEL.test(name)).toBe(true);
  });

  it.each(['', 'Orders', 'orders_api', '-orders', 'orders-', 'a.b', 'x'.repeat(64)])(
    'refuses %j',
    (name) => expect(DNS_LABEL.test(name)).toBe(false),
  );
});

describe('isDnsLabel', () => {
  it("takes the bound of what is named: tighter, or a subdomain's 253", () => {
    expect(isDnsLabel('x'.repeat(57), 56)).toBe(false);
    expect(isDnsLabel('x'.repeat(56), 56)).toBe(true);
    expect(isDnsLabel('x'.repeat(100))).toBe(false);
    expect(isDnsLabel('x'.repeat(100), 253)).toBe(true);
    expect(isDnsLabel('Gp3', 253)).toBe(false);
  });
});

describe('isDnsSubdomain', () => {
  it('accepts dot-separated labels up to 253 characters in all', () => {
    expect(isDnsSubdomain('app.kubernetes.io')).toBe(true);
    expect(isDnsSubdomain('a..b')).toBe(false);
    expect(isDnsSubdomain(`${'x'.repeat(200)}.${'y'.repeat(53)}`)).toBe(false);
  });
});
