import { z } from 'zod';

/**
 * Schemas for one config value as the Pulumi CLI hands it over (a string; a list as JSON), each
 * refusing with a message that quotes the value. The formatter puts the key in front.
 */

const MISSING = 'is required and not set';

/** Renders a value for an error message: strings quoted, everything else as JSON. */
export function quote(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : JSON.stringify(value);
}

const notA = (what: string) => (issue: { readonly input?: unknown }) =>
  issue.input === undefined ? MISSING : `${quote(issue.input)} is not ${what}`;

/** A non-empty string. */
export function required() {
  return z
    .string({ error: notA('a string') })
    .refine((value) => value !== '', { error: MISSING, abort: true });
}

/** A string the pattern matches; `expected` says what it should be (`a 12-digit account id`). */
export function matching(pattern: RegExp, expected: string) {
  return required().refine((value) => pattern.test(value), { error: notA(expected) });
}

/** One of a fixed set of strings. */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: notA(`one of ${values.join(', ')}`) });
}

/** `true` or `false`. */
export function boolean() {
  return z
    .enum(['true', 'false'], { error: notA('a boolean (true or false)') })
    .transform((value) => value === 'true');
}

/** A whole number from `min` to `max`. */
export function integer(min: number, max: number) {
  return z.string({ error: notA('an integer') }).transform((text, ctx) => {
    const number = /^-?\d+$/.test(text) ? Number(text) : Number.NaN;
    if (!Number.isInteger(number))
      ctx.addIssue({ code: 'custom', message: notA('an integer')({ input: text }) });
    else if (number < min || number > max) {
      ctx.addIssue({ code: 'custom', message: `${number} is outside ${min}–${max}` });
    } else return number;
    return z.NEVER;
  });
}

export interface ListRules {
  /** Refuse an empty list. @default false */
  readonly nonEmpty?: boolean;
  /** Refuse the same value twice. @default false */
  readonly unique?: boolean;
}

/** A JSON list of strings, each checked by `item`. */
export function stringList<T extends z.ZodType<string, string>>(item: T, rules: ListRules = {}) {
  return z
    .string({ error: notA('a list of strings') })
    .transform((text, ctx) => {
      const list = parseJson(text);
      if (Array.isArray(list) && list.every((value) => typeof value === 'string')) return list;
      ctx.addIssue({ code: 'custom', message: notA('a list of strings')({ input: text }) });
      return z.NEVER;
    })
    .superRefine((list, ctx) => {
      const duplicate = list.find((value, index) => list.indexOf(value) !== index);
      const problem =
        rules.nonEmpty && list.length === 0
          ? 'must list at least one value'
          : rules.unique && duplicate !== undefined
            ? `lists ${quote(duplicate)} twice`
            : undefined;
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .pipe(z.array(item));
}

/** Optional: the empty string (its Pulumi.yaml default) reads as unset. */
export function optional<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => (value === '' ? undefined : value), schema.optional());
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
