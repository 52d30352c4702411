import { DNS_LABEL_MAX_LENGTH, isDnsLabel, isDnsSubdomain } from '@platform/service-contracts';
import { InvalidPropError } from './invalid-prop-error.js';

/** A label's name, and its value when not empty: at most 63 characters, '-', '_' and '.' inside. */
const LABEL_NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const IPV4_CIDR = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}\/(3[0-2]|[12]?\d)$/;
const IPV6_CIDR = /^[0-9a-fA-F:]+:[0-9a-fA-F:]*\/(12[0-8]|1[01]\d|\d?\d)$/;

/** Checks props one by one; every failure names the construct, the prop and the value. */
export class PropChecker {
  constructor(private readonly construct: string) {}

  fail(prop: string, value: unknown, reason: string): never {
    throw new InvalidPropError(this.construct, prop, value, reason);
  }

  dnsLabel(prop: string, value: string, max = DNS_LABEL_MAX_LENGTH): void {
    if (!isDnsLabel(value, max)) {
      this.fail(
        prop,
        value,
        `is not a DNS-1123 label of at most ${max} characters (lowercase letters, digits, '-')`,
      );
    }
  }

  integerIn(prop: string, value: number, min: number, max: number): void {
    if (!Number.isInteger(value) || value < min || value > max)
      this.fail(prop, value, `must be an integer from ${min} to ${max}`);
  }

  label(prop: string, key: string, value: string): void {
    if (!isLabelKey(key) || !isLabelValue(value)) this.fail(prop, value, 'is not a valid label');
  }

  labelValue(prop: string, value: string): void {
    if (!isLabelValue(value)) this.fail(prop, value, 'is not a valid label value');
  }

  cidr(prop: string, value: string): void {
    if (!IPV4_CIDR.test(value) && !IPV6_CIDR.test(value))
      this.fail(prop, value, 'is not an IPv4 or IPv6 CIDR');
  }
}

/** `name` or `prefix/name`, the prefix a DNS subdomain (`app.kubernetes.io/name`). */
function isLabelKey(key: string): boolean {
  const slash = key.indexOf('/');
  if (slash < 0) return LABEL_NAME.test(key);
  return isDnsSubdomain(key.slice(0, slash)) && LABEL_NAME.test(key.slice(slash + 1));
}

function isLabelValue(value: string): boolean {
  return value === '' || LABEL_NAME.test(value);
}
