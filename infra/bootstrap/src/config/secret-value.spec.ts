import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { SecretValue } from './secret-value.js';

describe('SecretValue', () => {
  const secret = new SecretValue('hunter2-very-secret');

  it('gives the value only to reveal()', () => {
    expect(secret.reveal()).toBe('hunter2-very-secret');
  });

  it('prints as [secret] everywhere a value could leak into a message', () => {
    for (const printed of [
      String(secret),
      `${secret}`,
      JSON.stringify({ secret }),
      inspect({ secret }),
    ]) {
      expect(printed).toContain('[secret]');
      expect(printed).not.toContain('hunter2');
    }
  });
});
