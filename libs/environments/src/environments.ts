import type { Environment } from './environment.js';

/**
 * Every environment the workspace renders, in promotion order. Adding an
 * environment is adding one entry here (then `npm run release -- promote` to
 * give its apps an image).
 */
export const environments: readonly Environment[] = [
  {
    name: 'staging',
    description: 'Every merge to main lands here first.',
    workloads: {
      replicas: { min: 2, max: 4 },
      targetCpuUtilizationPercent: 70,
      resources: {
        cpuRequestMillis: 100,
        cpuLimitMillis: 500,
        memoryRequestMebibytes: 128,
        memoryLimitMebibytes: 256,
      },
    },
    ingressFromNamespaces: ['ingress-nginx', 'monitoring'],
    logLevel: 'debug',
  },
  {
    name: 'production',
    description: 'Promoted from staging through a reviewed pull request.',
    workloads: {
      replicas: { min: 3, max: 12 },
      targetCpuUtilizationPercent: 60,
      resources: {
        cpuRequestMillis: 250,
        cpuLimitMillis: 1000,
        memoryRequestMebibytes: 256,
        memoryLimitMebibytes: 512,
      },
    },
    ingressFromNamespaces: ['ingress-nginx', 'monitoring'],
    logLevel: 'info',
  },
];
