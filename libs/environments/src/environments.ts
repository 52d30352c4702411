import type { Environment } from './environment.js';

/**
 * Every environment the workspace renders, in promotion order. Adding an environment is
 * adding one entry here; an app enters it with its first `npm run release -- promote` there.
 */
export const workspaceEnvironments: readonly Environment[] = [
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
    monitoringNamespaces: ['monitoring'],
    gateway: { name: 'platform', namespace: 'gateway-system', domain: 'staging.example.com' },
    logLevel: 'debug',
    imageRegistry: '111111111111.dkr.ecr.eu-west-1.amazonaws.com/platform-staging',
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
    monitoringNamespaces: ['monitoring'],
    gateway: { name: 'platform', namespace: 'gateway-system', domain: 'example.com' },
    argocd: {
      highAvailability: true,
      replicas: { controller: 1, server: 2, repoServer: 2, applicationSet: 2 },
    },
    logLevel: 'info',
    imageRegistry: '222222222222.dkr.ecr.eu-west-1.amazonaws.com/platform-production',
  },
];
