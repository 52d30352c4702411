import { Catalog } from '../catalog.js';
import type { Environment } from '../environment.js';

/**
 * An environment for tests, independent of the workspace's own data (which a team edits):
 * small sizing, a fixed registry, overridable field by field.
 */
export function testEnvironment(name: string, overrides: Partial<Environment> = {}): Environment {
  return {
    name,
    description: `test environment ${name}`,
    workloads: {
      replicas: { min: 2, max: 5 },
      targetCpuUtilizationPercent: 75,
      resources: {
        cpuRequestMillis: 50,
        cpuLimitMillis: 200,
        memoryRequestMebibytes: 64,
        memoryLimitMebibytes: 128,
      },
    },
    monitoringNamespaces: ['metrics'],
    gateway: { name: 'edge', namespace: 'edge', domain: `${name}.test` },
    logLevel: 'info',
    imageRegistry: `registry.test/${name}`,
    ...overrides,
  };
}

/** Two environments in promotion order, as tests need them: `test-stage`, then `test-live` (larger). */
export const testEnvironments: readonly Environment[] = [
  testEnvironment('test-stage', { logLevel: 'debug' }),
  testEnvironment('test-live', {
    workloads: {
      replicas: { min: 3, max: 9 },
      targetCpuUtilizationPercent: 60,
      resources: {
        cpuRequestMillis: 100,
        cpuLimitMillis: 400,
        memoryRequestMebibytes: 128,
        memoryLimitMebibytes: 256,
      },
    },
  }),
];

/** A catalog of the test environments and the given app names. */
export function testCatalog(
  apps: readonly string[],
  environments: readonly Environment[] = testEnvironments,
): Catalog {
  return new Catalog(environments, apps);
}
