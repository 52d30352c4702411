import { describe, expect, it } from 'vitest';
import { KINDS } from './kinds.js';

describe('KINDS', () => {
  it.each(Object.entries(KINDS))(
    '%s loads its kubernetes-models class on first use, the same one each time',
    (key, info) => {
      const model = info.model();
      expect(typeof model).toBe('function');
      expect(model.name).toBe(info.typeName.slice(1));
      expect(key.endsWith(`/${model.name}`)).toBe(true);
      expect(info.model()).toBe(model);
    },
  );
});
