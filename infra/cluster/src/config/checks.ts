import { parseCidr, type Cidr } from './cidr.js';
import { ConfigError, show } from './config-error.js';

/** Small checks for parseClusterConfig: each returns the value or throws naming the key. */

/** The start of an ARN in any of the partitions this program supports. */
export const ARN_PARTITION = 'arn:(aws|aws-cn|aws-us-gov)';

export function cidr(key: string, value: string): Cidr {
  const parsed = parseCidr(value);
  if (!parsed) {
    throw new ConfigError(
      key,
      `${show(value)} is not a CIDR block (expected a.b.c.d/n with the host bits zero, e.g. 10.0.0.0/16)`,
    );
  }
  return parsed;
}

export function matching(key: string, value: string, pattern: RegExp, expected: string): string {
  if (!pattern.test(value)) throw new ConfigError(key, `${show(value)} is not ${expected}`);
  return value;
}

export function everyMatching(
  key: string,
  values: readonly string[],
  pattern: RegExp,
  expected: string,
): readonly string[] {
  for (const value of values) matching(key, value, pattern, expected);
  return values;
}

export function oneOf<T extends string>(key: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new ConfigError(key, `${show(value)} is not one of ${allowed.join(', ')}`);
  }
  return value as T;
}

export function everyOneOf<T extends string>(
  key: string,
  values: readonly string[],
  allowed: readonly T[],
): readonly T[] {
  return values.map((value) => oneOf(key, value, allowed));
}

export function inRange(key: string, value: number, min: number, max: number): number {
  if (value < min || value > max) {
    throw new ConfigError(key, `${value} is outside ${min}–${max}`);
  }
  return value;
}

export function nonEmpty<T>(key: string, values: readonly T[]): readonly T[] {
  if (values.length === 0) throw new ConfigError(key, 'must list at least one value');
  return values;
}

export function unique(key: string, values: readonly string[]): readonly string[] {
  const duplicate = values.find((value, index) => values.indexOf(value) !== index);
  if (duplicate !== undefined) throw new ConfigError(key, `lists ${show(duplicate)} twice`);
  return values;
}
