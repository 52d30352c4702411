/** Helpers to read resource properties as the policy engine hands them over (plain JSON). */

/** The stack of a resource URN: `urn:pulumi:<stack>::<project>::<type>::<name>`. */
export function stackOf(urn: string): string {
  return urn.split('::')[0]?.split(':')[2] ?? '';
}

/** A value that may be one item or a list, as a list. */
export function listOf<T>(value: T | readonly T[] | undefined): T[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? [...(value as readonly T[])] : [value as T];
}

/** A JSON document given as a string or already parsed; undefined when it cannot be read. */
export function jsonOf(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

/** The object at `value`, or an empty one: properties of unset blocks read as undefined. */
export function objectOf(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

/** Pulumi passes some booleans as strings (launch template `encrypted: 'true'`). */
export function isTrue(value: unknown): boolean {
  return value === true || value === 'true';
}
