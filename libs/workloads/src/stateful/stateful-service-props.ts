import type { PodProps } from '../pod/pod-props.js';
import type { HttpProbePaths } from '../web-service-props.js';

/** The volume each replica gets, from a claim template. */
export interface StatefulStorage {
  /** Size in GiB, at least 1. Per environment: compute it in the chart from `this.environment`. */
  readonly sizeGibibytes: number;
  /** The StorageClass. @default the environment's `storageClassName`, else 'gp3' */
  readonly storageClassName?: string;
  /** Where the container sees it. @default '/data' */
  readonly mountPath?: string;
}

/**
 * A database-backed or clustered service with a volume per replica: ServiceAccount,
 * StatefulSet (ordered start and updates), a headless Service named by its `serviceName`,
 * PodDisruptionBudget and NetworkPolicies. Its data outlives the StatefulSet by default.
 */
export interface StatefulServiceProps extends PodProps {
  readonly storage: StatefulStorage;
  /** Replicas; a StatefulSet is not autoscaled. @default 1 */
  readonly replicas?: number;
  /** The port the container listens on, ≥ 1024. @default 8080 (the contract's) */
  readonly containerPort?: number;
  /** @default { liveness: '/healthz', readiness: '/readyz' } */
  readonly probes?: HttpProbePaths;
  /**
   * Keep the claims (and so the data) when the StatefulSet is deleted; scaling down always
   * keeps them. @default true
   */
  readonly retainVolumesOnDelete?: boolean;
  /** Namespaces allowed to reach the container port, besides the monitoring ones. @default none */
  readonly ingressFromNamespaces?: readonly string[];
  /** Pods a voluntary disruption may take down at once, ≥ 1. @default 1 */
  readonly maxUnavailable?: number;
}
