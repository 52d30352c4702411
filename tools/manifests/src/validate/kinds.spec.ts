import { describe, expect, it } from 'vitest';
import { KINDS, loadModels } from './kinds.js';

describe('KINDS', () => {
  it.each(Object.entries(KINDS))(
    '%s has its kubernetes-models class, the same one each time',
    (key, info) => {
      const model = info.model();
      expect(typeof model).toBe('function');
      expect(model.name).toBe(info.typeName.slice(1));
      expect(key.endsWith(`/${model.name}`)).toBe(true);
      expect(info.model()).toBe(model);
    },
  );

  it('loads the models of the kinds asked for, ignoring keys it does not know', async () => {
    const key = 'gateway.envoyproxy.io/v1alpha1/EnvoyProxy';
    await expect(loadModels([key, key, 'v1/Secret', 'example.org/v1/Unknown'])).resolves.toBe(
      undefined,
    );
    expect(KINDS[key]?.model().name).toBe('EnvoyProxy');
  });
});
