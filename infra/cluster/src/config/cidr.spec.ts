import { describe, expect, it } from 'vitest';
import { formatCidr, parseCidr, planSubnets, subdivide, type Cidr } from './cidr.js';

const cidr = (text: string): Cidr => {
  const parsed = parseCidr(text);
  if (!parsed) throw new Error(`test setup: ${text} is not a CIDR`);
  return parsed;
};

describe('parseCidr', () => {
  it.each(['10.0.0.0/16', '0.0.0.0/0', '203.0.113.10/32', '172.16.0.0/12', '192.168.255.0/24'])(
    'reads %s and formats it back unchanged',
    (text) => {
      expect(formatCidr(cidr(text))).toBe(text);
    },
  );

  it.each([
    ['10.0.0.0', 'no prefix'],
    ['10.0.0/16', 'three octets'],
    ['10.0.0.256/16', 'an octet above 255'],
    ['10.0.0.0/33', 'a prefix above 32'],
    ['10.0.0.1/16', 'host bits set'],
    ['010.0.0.0/16', 'a leading zero'],
    [' 10.0.0.0/16', 'surrounding space'],
    ['10.0.0.0/16,10.1.0.0/16', 'two blocks'],
  ])('refuses %s (%s)', (text) => {
    expect(parseCidr(text)).toBeUndefined();
  });
});

describe('subdivide', () => {
  it('finds the n-th block of a given length', () => {
    expect(formatCidr(subdivide(cidr('10.0.0.0/16'), 19, 3))).toBe('10.0.96.0/19');
    expect(formatCidr(subdivide(cidr('10.0.0.0/16'), 24, 255))).toBe('10.0.255.0/24');
  });

  it('refuses a block outside its parent', () => {
    expect(() => subdivide(cidr('10.0.0.0/16'), 19, 8)).toThrow(RangeError);
    expect(() => subdivide(cidr('10.0.0.0/16'), 15, 0)).toThrow(RangeError);
  });
});

describe('planSubnets', () => {
  const overlaps = (a: Cidr, b: Cidr) => {
    const end = (c: Cidr) => c.address + 2 ** (32 - c.prefix);
    return a.address < end(b) && b.address < end(a);
  };

  it('gives each zone a large private subnet and a small public one, from the VPC', () => {
    expect(planSubnets(cidr('10.10.0.0/16'), ['a', 'b', 'c'])).toEqual([
      { zone: 'a', private: '10.10.0.0/19', public: '10.10.224.0/22' },
      { zone: 'b', private: '10.10.32.0/19', public: '10.10.228.0/22' },
      { zone: 'c', private: '10.10.64.0/19', public: '10.10.232.0/22' },
    ]);
  });

  it.each(['10.0.0.0/16', '10.0.0.0/18', '172.31.240.0/20'])(
    'lays out six zones in %s without overlap and inside the VPC',
    (vpcText) => {
      const vpc = cidr(vpcText);
      const blocks = planSubnets(vpc, ['a', 'b', 'c', 'd', 'e', 'f']).flatMap((zone) => [
        cidr(zone.private),
        cidr(zone.public),
      ]);
      expect(blocks).toHaveLength(12);
      for (const [i, a] of blocks.entries()) {
        expect(overlaps(a, vpc) && a.prefix > vpc.prefix).toBe(true);
        for (const b of blocks.slice(i + 1)) expect(overlaps(a, b)).toBe(false);
      }
    },
  );

  it('refuses more zones than it has room for', () => {
    expect(() => planSubnets(cidr('10.0.0.0/16'), 'abcdefg'.split(''))).toThrow(RangeError);
  });
});
