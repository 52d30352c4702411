import type { PodProps } from '../pod/pod-props.js';
import type { HttpProbePaths, ReplicaBounds } from '../web-service-props.js';

/** Health on an HTTP port of the worker's own (the service runtime serves it), scraped for metrics. */
export interface HttpHealth {
  /** The port the health and metrics endpoints listen on, ≥ 1024. @default 8080 (the contract's) */
  readonly port?: number;
  /** @default { liveness: '/healthz', readiness: '/readyz' } */
  readonly probes?: HttpProbePaths;
}

/** Health by a command the kubelet runs in the container (exit 0: healthy). No port, no scraping. */
export interface ExecHealth {
  readonly command: readonly string[];
}

/**
 * A queue consumer or any long-running process that takes no traffic: ServiceAccount,
 * Deployment, autoscaler (or a fixed count), PodDisruptionBudget and NetworkPolicies that admit
 * only metrics scraping from the environment's monitoring namespaces. No Service.
 */
export interface WorkerProps extends PodProps {
  /** How the kubelet knows it is alive and ready. @default { http: {} } (the runtime's endpoints) */
  readonly health?: { readonly http: HttpHealth } | { readonly exec: ExecHealth };
  /** A fixed count, or bounds for a CPU autoscaler. @default the environment's bounds, else 2–4 */
  readonly replicas?: number | ReplicaBounds;
  /** CPU utilisation the autoscaler aims for, 1–100. @default the environment's, else 70 */
  readonly targetCpuUtilizationPercent?: number;
  /** Pods a voluntary disruption may take down at once, ≥ 1. @default 1 */
  readonly maxUnavailable?: number;
}
