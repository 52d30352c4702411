import { describe, expect, it } from 'vitest';
import { COMPONENT_RESOURCES, resourcesOf, type Component } from './component-resources.js';

describe('component resources', () => {
  const components = Object.keys(COMPONENT_RESOURCES) as Component[];

  it.each(components)('%s requests no more than its limit, and something of each', (component) => {
    const { cpuMillis, memoryMebibytes } = COMPONENT_RESOURCES[component];
    expect(cpuMillis.request).toBeGreaterThan(0);
    expect(memoryMebibytes.request).toBeGreaterThan(0);
    expect(cpuMillis.request).toBeLessThanOrEqual(cpuMillis.limit);
    expect(memoryMebibytes.request).toBeLessThanOrEqual(memoryMebibytes.limit);
  });

  it('spells them as Kubernetes quantities', () => {
    expect(resourcesOf('controller')).toEqual({
      requests: { cpu: '250m', memory: '512Mi' },
      limits: { cpu: '1000m', memory: '1024Mi' },
    });
  });
});
