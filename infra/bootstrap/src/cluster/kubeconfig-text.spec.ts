import { describe, expect, it } from 'vitest';
import { kubeconfigText } from './kubeconfig-text.js';

describe('kubeconfigText', () => {
  it('passes a kubeconfig string through unchanged', () => {
    const yaml = 'apiVersion: v1\nkind: Config\n';
    expect(kubeconfigText(yaml)).toBe(yaml);
  });

  it('serializes the object @pulumi/eks exports as JSON, which the provider reads as YAML', () => {
    const object = { apiVersion: 'v1', kind: 'Config', clusters: [] };
    expect(JSON.parse(kubeconfigText(object))).toEqual(object);
  });

  it.each([
    [undefined, 'undefined'],
    [null, 'null'],
    ['  ', 'an empty string'],
    [42, 'a number'],
    [['a'], 'an array'],
  ])('refuses %j, naming what it got', (value, described) => {
    expect(() => kubeconfigText(value)).toThrow(`'kubeconfig' output is ${described}`);
  });
});
