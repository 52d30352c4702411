import { defineServiceContract } from './service-contract.js';

/**
 * What every service of the workspace promises by default: the service runtime serves these
 * paths on this port, and the workload library probes them, opens the port, runs the pod as
 * this user and mounts these writable paths. A chart that changes one (its `containerPort`,
 * say) passes the new value to the service through the environment (`PORT`).
 */
export const platformServiceContract = defineServiceContract({
  port: 8080,
  livenessPath: '/healthz',
  readinessPath: '/readyz',
  metricsPath: '/metrics',
  runAsUser: 10001,
  writablePaths: ['/tmp'],
  terminationGracePeriodSeconds: 30,
});
