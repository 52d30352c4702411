import * as pulumi from '@pulumi/pulumi';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { StackConfigError } from './config-issues.js';
import { integer, required } from './config-values.js';
import { parseStackConfig, readStackConfig } from './parse-stack-config.js';

const schema = z
  .strictObject({ name: required(), min: integer(0, 9), max: integer(0, 9) })
  .superRefine((v, ctx) => {
    if (v.min > v.max) ctx.addIssue({ code: 'custom', message: 'is above max', path: ['min'] });
  })
  .transform((v) => ({ ...v, span: v.max - v.min }));

describe('parseStackConfig', () => {
  it('returns what the schema makes of valid values', () => {
    expect(parseStackConfig('infra-x', 's', schema, { name: 'a', min: '1', max: '3' })).toEqual({
      name: 'a',
      min: 1,
      max: 3,
      span: 2,
    });
  });

  it('throws one error listing every problem, unknown keys among them', () => {
    let thrown: unknown;
    try {
      parseStackConfig('infra-x', 's', schema, { min: 'x', max: '3', nmae: 'a' });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(StackConfigError);
    expect((thrown as StackConfigError).problems).toEqual([
      'infra-x:name: is required and not set',
      "infra-x:min: 'x' is not an integer",
      'infra-x:nmae: is not a config key of this program (known: name, min, max)',
    ]);
  });

  it('names the key a cross-key refinement points at', () => {
    expect(() =>
      parseStackConfig('infra-x', 's', schema, { name: 'a', min: '5', max: '3' }),
    ).toThrow('infra-x:min: is above max');
  });
});

describe('readStackConfig', () => {
  afterEach(() => pulumi.runtime.setAllConfig({}, []));

  it("reads the project's namespace only, without the prefix", () => {
    pulumi.runtime.setAllConfig({ 'infra-x:a': '1', 'aws:region': 'eu-west-1', 'infra-y:a': '2' });
    expect(readStackConfig('infra-x')).toEqual({ a: '1' });
  });
});
