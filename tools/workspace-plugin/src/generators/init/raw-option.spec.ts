import { describe, expect, it } from 'vitest';
import { rawOption } from './raw-option.js';

describe('rawOption', () => {
  it('keeps the leading zero Nx drops when it reads an account id as a number', () => {
    expect(rawOption(12345678901, 'account-id', ['--account-id', '012345678901'])).toBe(
      '012345678901',
    );
    expect(rawOption(12345678901, 'account-id', ['--accountId=012345678901'])).toBe('012345678901');
  });

  it('passes strings through and falls back to the parsed number', () => {
    expect(rawOption('012345678901', 'account-id', [])).toBe('012345678901');
    expect(rawOption(123456789012, 'account-id', [])).toBe('123456789012');
    expect(rawOption(undefined, 'account-id', [])).toBeUndefined();
  });
});
