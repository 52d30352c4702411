import { defineServiceContract } from './service-contract.js';

/** The demo service's contract; its Dockerfile's `USER` must equal `runAsUser` (a test checks it). */
export const demoServiceContract = defineServiceContract({
  name: 'demo-service',
  port: 8080,
  livenessPath: '/healthz',
  readinessPath: '/readyz',
  metricsPath: '/metrics',
  runAsUser: 10001,
  writablePaths: ['/tmp'],
  terminationGracePeriodSeconds: 30,
});
