import { describe, expect, it } from 'vitest';
import { CONFIG_HASH_ANNOTATION } from '../pod/pod-template.js';
import { find, podSpecOf, SHOP_IMAGE, synthApp } from '../testing/synth-helpers.js';
import { WebService } from '../web-service.js';
import { AppConfig } from './app-config.js';

const synthWith = (
  data: Record<string, string>,
  mountPath?: string,
  overrides?: Record<string, string>,
) =>
  synthApp(
    (chart) => {
      const config = new AppConfig(chart, 'config', { data });
      new WebService(chart, 'web', {
        name: 'shop',
        image: SHOP_IMAGE,
        config: mountPath ? { from: config, mountPath } : { from: config },
      });
    },
    overrides ? { environment: { config: { shop: overrides } } } : {},
  );
const hashOf = (objects: ReturnType<typeof synthWith>) =>
  find(objects, 'Deployment', 'shop').spec.template.metadata.annotations[CONFIG_HASH_ANNOTATION];

describe('AppConfig', () => {
  it('renders a ConfigMap the pods read as environment', () => {
    const objects = synthWith({ GREETING: 'Hello', PAGE_SIZE: '20' });
    expect(find(objects, 'ConfigMap', 'shop-config').data).toEqual({
      GREETING: 'Hello',
      PAGE_SIZE: '20',
    });
    expect(podSpecOf(find(objects, 'Deployment', 'shop')).containers[0].envFrom).toEqual([
      { configMapRef: { name: 'shop-config' } },
    ]);
  });

  it('rolls the pods when a value changes: the pod template carries the content hash', () => {
    const before = hashOf(synthWith({ GREETING: 'Hello' }));
    expect(before).toMatch(/^[0-9a-f]{64}$/);
    expect(hashOf(synthWith({ GREETING: 'Hello' }))).toBe(before);
    expect(hashOf(synthWith({ GREETING: 'Howdy' }))).not.toBe(before);
  });

  it("takes the environment's values over the chart's, key by key", () => {
    const objects = synthWith({ GREETING: 'Hello', PAGE_SIZE: '20' }, undefined, {
      PAGE_SIZE: '50',
    });
    expect(find(objects, 'ConfigMap', 'shop-config').data).toEqual({
      GREETING: 'Hello',
      PAGE_SIZE: '50',
    });
  });

  it('mounts it read-only as files when given a path', () => {
    const objects = synthWith({ 'app.yaml': 'a: 1' }, '/etc/shop');
    const spec = podSpecOf(find(objects, 'Deployment', 'shop'));
    expect(spec.containers[0].volumeMounts).toContainEqual({
      name: 'config',
      mountPath: '/etc/shop',
      readOnly: true,
    });
    expect(spec.volumes).toContainEqual({ name: 'config', configMap: { name: 'shop-config' } });
  });

  it.each([
    [
      { 'bad key!': 'x' },
      undefined,
      'AppConfig \'shop-config\': data.bad key! = "x" has a key that is not',
    ],
    [{}, undefined, "AppConfig 'shop-config': data = {} is empty"],
    [
      { 'app.yaml': 'a: 1' },
      undefined,
      'WebService \'shop\': config = "app.yaml" is a key that is not a valid environment variable',
    ],
  ])('refuses %j, naming the prop and the value', (data, mountPath, message) => {
    expect(() => synthWith(data, mountPath)).toThrow(message);
  });
});
