import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  boolean,
  integer,
  matching,
  oneOf,
  optional,
  required,
  stringList,
} from './config-values.js';

/** The messages `schema` gives for `value` (as the only key `k` of an object). */
const problems = (schema: z.ZodType, value: string | undefined) =>
  z
    .object({ k: schema })
    .safeParse({ k: value })
    .error?.issues.map((issue) => issue.message) ?? [];
const parsed = (schema: z.ZodType, value: string) => z.object({ k: schema }).parse({ k: value }).k;

describe('config values, as strings from the CLI', () => {
  it('refuses a missing or empty required value', () => {
    expect(problems(required(), undefined)).toEqual(['is required and not set']);
    expect(problems(required(), '')).toEqual(['is required and not set']);
    expect(problems(matching(/^\d+$/, 'a number'), '')).toEqual(['is required and not set']);
  });

  it('quotes the value that does not match', () => {
    expect(problems(matching(/^\d{12}$/, 'a 12-digit account id'), '1234')).toEqual([
      "'1234' is not a 12-digit account id",
    ]);
    expect(problems(oneOf(['a', 'b']), 'c')).toEqual(["'c' is not one of a, b"]);
    expect(parsed(oneOf(['a', 'b']), 'b')).toBe('b');
  });

  it('reads booleans and integers, refusing anything else', () => {
    expect(parsed(boolean(), 'false')).toBe(false);
    expect(problems(boolean(), 'yes')).toEqual(["'yes' is not a boolean (true or false)"]);
    expect(parsed(integer(1, 10), '7')).toBe(7);
    expect(problems(integer(1, 10), '2.5')).toEqual(["'2.5' is not an integer"]);
    expect(problems(integer(1, 10), '11')).toEqual(['11 is outside 1–10']);
  });

  it('reads a list from JSON, checking each item and the list rules', () => {
    const zones = stringList(matching(/^z/, 'a zone'), { nonEmpty: true, unique: true });
    expect(parsed(zones, '["za","zb"]')).toEqual(['za', 'zb']);
    expect(problems(zones, 'za')).toEqual(["'za' is not a list of strings"]);
    expect(problems(zones, '[1]')).toEqual(["'[1]' is not a list of strings"]);
    expect(problems(zones, '[]')).toEqual(['must list at least one value']);
    expect(problems(zones, '["za","za"]')).toEqual(["lists 'za' twice"]);
    expect(problems(zones, '["za","x"]')).toEqual(["'x' is not a zone"]);
  });

  it('reads an optional value set to the empty string (its default) as unset', () => {
    expect(parsed(optional(matching(/^b/, 'a bucket')), '')).toBeUndefined();
    expect(parsed(optional(matching(/^b/, 'a bucket')), 'b1')).toBe('b1');
    expect(problems(optional(matching(/^b/, 'a bucket')), 'x')).toEqual(["'x' is not a bucket"]);
  });
});
