/** The HTTP endpoints the kubelet probes, on the container port. */
export interface HttpProbePaths {
  /** Liveness: the process is alive. @default '/healthz' (the contract's) */
  readonly liveness?: string;
  /** Readiness: the pod may receive traffic. @default '/readyz' (the contract's) */
  readonly readiness?: string;
}

/** A workload that serves HTTP on a port of its container, probed there. */
export interface HttpServingProps {
  /** The port the container listens on; ≥ 1024, since it runs without capabilities. @default 8080 (the contract's) */
  readonly containerPort?: number;
  /** Probe paths. @default { liveness: '/healthz', readiness: '/readyz' } */
  readonly probes?: HttpProbePaths;
  /**
   * Namespaces allowed to reach the container port, besides the environment's monitoring
   * namespaces and, for a routed WebService, its Gateway's. @default none
   */
  readonly ingressFromNamespaces?: readonly string[];
}
