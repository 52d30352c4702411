import { describe, expect, it } from 'vitest';
import { selectorMatches, selectsEverything } from './label-selector.js';

const labels = { app: 'orders', tier: 'web' };

describe('selectorMatches', () => {
  it.each([
    [{ matchLabels: { app: 'orders' } }, true],
    [{ matchLabels: { app: 'orders', tier: 'db' } }, false],
    [{ matchExpressions: [{ key: 'tier', operator: 'In', values: ['web', 'api'] }] }, true],
    [{ matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['web'] }] }, false],
    [{ matchExpressions: [{ key: 'app', operator: 'Exists' }] }, true],
    [{ matchExpressions: [{ key: 'canary', operator: 'DoesNotExist' }] }, true],
    [{ matchExpressions: [{ key: 'app', operator: 'Sometimes' }] }, false],
  ])('%j → %s', (selector, expected) => {
    expect(selectorMatches(selector, labels)).toBe(expected);
  });

  it('treats a missing selector as selecting nothing and an empty one as everything', () => {
    expect(selectorMatches(undefined, labels)).toBe(false);
    expect(selectsEverything({})).toBe(true);
    expect(selectsEverything({ matchLabels: { app: 'orders' } })).toBe(false);
  });
});
