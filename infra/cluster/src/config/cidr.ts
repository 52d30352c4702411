/** An IPv4 CIDR block: the network address as an unsigned 32-bit number, and its prefix length. */
export interface Cidr {
  readonly address: number;
  readonly prefix: number;
}

const OCTET = '(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const CIDR = new RegExp(`^${OCTET}\\.${OCTET}\\.${OCTET}\\.${OCTET}/(3[0-2]|[12]?\\d)$`);

/**
 * Parses `a.b.c.d/n` strictly: four decimal octets without leading zeros, a prefix of 0–32,
 * and no host bits set (`10.0.0.1/16` is refused: it is an address, not a block).
 * Returns undefined for anything else.
 */
export function parseCidr(text: string): Cidr | undefined {
  const match = CIDR.exec(text);
  if (!match) return undefined;
  const [a, b, c, d, prefix] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const address = ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;
  if ((address & ~maskOf(prefix)) >>> 0 !== 0) return undefined;
  return { address, prefix };
}

export function formatCidr({ address, prefix }: Cidr): string {
  const octets = [24, 16, 8, 0].map((shift) => (address >>> shift) & 255);
  return `${octets.join('.')}/${prefix}`;
}

/** The `index`-th block of length `prefix` inside `block`. */
export function subdivide(block: Cidr, prefix: number, index: number): Cidr {
  const count = 2 ** (prefix - block.prefix);
  if (prefix < block.prefix || prefix > 32 || index < 0 || index >= count) {
    throw new RangeError(`${formatCidr(block)} has no block ${index} of length /${prefix}`);
  }
  return { address: (block.address + index * 2 ** (32 - prefix)) >>> 0, prefix };
}

/** The subnets of one availability zone: private for nodes (large), public for load balancers. */
export interface ZoneSubnets {
  readonly zone: string;
  readonly private: string;
  readonly public: string;
}

/** The most zones the layout below has room for (AWS regions have at most six). */
export const MAX_ZONES = 6;

/**
 * Lays out a VPC's subnets, one private and one public per zone, without overlap:
 * the VPC is cut in eight; zone i's private subnet is the i-th eighth (a /19 of a /16: room
 * for pods, which take VPC addresses with the VPC CNI); the last eighth is cut in eight again
 * for the public subnets (a /22 of a /16: load balancers and NAT gateways need few addresses).
 * The eighths in between stay free for later (another zone, intra subnets).
 */
export function planSubnets(vpc: Cidr, zones: readonly string[]): ZoneSubnets[] {
  if (zones.length < 1 || zones.length > MAX_ZONES) {
    throw new RangeError(`cannot lay out ${zones.length} zones`);
  }
  const publicBlock = subdivide(vpc, vpc.prefix + 3, 7);
  return zones.map((zone, index) => ({
    zone,
    private: formatCidr(subdivide(vpc, vpc.prefix + 3, index)),
    public: formatCidr(subdivide(publicBlock, vpc.prefix + 6, index)),
  }));
}

function maskOf(prefix: number): number {
  return prefix === 0 ? 0 : (~0 << (32 - prefix)) >>> 0;
}
