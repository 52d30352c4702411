import type { HttpProbePaths } from '../pod/http-serving-props.js';
import type { PodProps } from '../pod/pod-props.js';
import type { AutoscalingProps, ReplicaBounds } from '../pod/scaling-props.js';

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
export interface WorkerProps extends PodProps, Omit<AutoscalingProps, 'replicas'> {
  /** How the kubelet knows it is alive and ready. @default { http: {} } (the runtime's endpoints) */
  readonly health?: { readonly http: HttpHealth } | { readonly exec: ExecHealth };
  /** A fixed count, or bounds for a CPU autoscaler. @default the environment's bounds, else 2–4 */
  readonly replicas?: number | ReplicaBounds;
}
