import { describe, expect, it } from 'vitest';
import { sizingFor, type Environment } from './environment.js';
import { environments } from './environments.js';

const [staging, production] = environments as [Environment, Environment];

describe('sizingFor', () => {
  it("gives an app the environment's sizing when it has no override", () => {
    expect(sizingFor(production, 'demo-service')).toEqual(production.workloads);
  });

  it('layers an override field by field over the environment', () => {
    const environment: Environment = {
      ...staging,
      apps: { orders: { replicas: { max: 10 }, resources: { memoryLimitMebibytes: 1024 } } },
    };
    const sizing = sizingFor(environment, 'orders');
    expect(sizing.replicas).toEqual({ min: staging.workloads.replicas.min, max: 10 });
    expect(sizing.resources).toEqual({
      ...staging.workloads.resources,
      memoryLimitMebibytes: 1024,
    });
    expect(sizing.targetCpuUtilizationPercent).toBe(staging.workloads.targetCpuUtilizationPercent);
  });

  it('runs production larger than staging', () => {
    expect(production.workloads.replicas.min).toBeGreaterThan(staging.workloads.replicas.min);
    expect(production.workloads.resources.memoryLimitMebibytes).toBeGreaterThan(
      staging.workloads.resources.memoryLimitMebibytes,
    );
  });
});
