import type { WorkloadSizing } from '@platform/environments';

/**
 * What a workload gets outside any environment (a chart of a team's own, a test): the
 * fallback of each documented `@default the environment's, else …`.
 */
export const DEFAULT_SIZING: WorkloadSizing = {
  replicas: { min: 2, max: 4 },
  targetCpuUtilizationPercent: 70,
  resources: {
    cpuRequestMillis: 100,
    cpuLimitMillis: 500,
    memoryRequestMebibytes: 128,
    memoryLimitMebibytes: 256,
  },
};
