import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { StackConfigError, formatConfigIssues } from './config-issues.js';

const issuesOf = (schema: z.ZodType, value: unknown) => schema.safeParse(value).error?.issues ?? [];

describe('formatConfigIssues', () => {
  it('names each problem by its full key, a list index dropped', () => {
    const schema = z.object({ zones: z.array(z.string().refine(() => false, 'is no zone')) });
    expect(formatConfigIssues('infra-x', issuesOf(schema, { zones: ['a'] }), ['zones'])).toEqual([
      'infra-x:zones: is no zone',
    ]);
  });

  it('gives each unknown key a line of its own, listing the known keys', () => {
    const issues = issuesOf(z.strictObject({ a: z.string() }), { a: '', b: '', c: '' });
    expect(formatConfigIssues('infra-x', issues, ['a'])).toEqual([
      'infra-x:b: is not a config key of this program (known: a)',
      'infra-x:c: is not a config key of this program (known: a)',
    ]);
  });

  it('reads an issue without a path as one about the stack itself', () => {
    const schema = z.object({}).refine(() => false, { error: "'qa' is no environment" });
    expect(formatConfigIssues('infra-x', issuesOf(schema, {}), [])).toEqual([
      "stack: 'qa' is no environment",
    ]);
  });
});

describe('StackConfigError', () => {
  it('lists every problem, one a line, under the stack name', () => {
    const error = new StackConfigError('staging', ['infra-x:a: one', 'infra-x:b: two']);
    expect(error.message).toBe(
      "stack 'staging' has invalid config:\n  - infra-x:a: one\n  - infra-x:b: two",
    );
    expect(error.problems).toHaveLength(2);
    expect(error.stackName).toBe('staging');
  });
});
