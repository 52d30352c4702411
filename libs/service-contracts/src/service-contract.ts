/**
 * What a service promises the platform that runs it. The service runtime reads it (its
 * default port, the paths it serves) and so does the workload library (probes, container
 * port, security context, writable volumes), so the two cannot drift.
 */
export interface ServiceContract {
  /** The port the process listens on, ≥ 1024 (the container has no capabilities). */
  readonly port: number;
  /** Liveness endpoint: 200 while the process is alive. */
  readonly livenessPath: string;
  /** Readiness endpoint: 200 while the pod should receive traffic, 503 once shutdown begins. */
  readonly readinessPath: string;
  /** Prometheus metrics endpoint. */
  readonly metricsPath: string;
  /** The numeric user (and group) of the image's `USER`; never 0. */
  readonly runAsUser: number;
  /** The only writable directories; the root filesystem is read-only. */
  readonly writablePaths: readonly string[];
  /**
   * Seconds Kubernetes waits between SIGTERM and SIGKILL. The service's drain delay
   * and shutdown grace must fit inside it; the manifests set it on the pod.
   */
  readonly terminationGracePeriodSeconds: number;
}

/** Freezes a contract so that no importer can change what the other side reads. */
export function defineServiceContract(contract: ServiceContract): ServiceContract {
  return Object.freeze({ ...contract, writablePaths: Object.freeze([...contract.writablePaths]) });
}
