import type { HttpServingProps } from '../pod/http-serving-props.js';
import type { PodProps } from '../pod/pod-props.js';
import type { AutoscalingProps } from '../pod/scaling-props.js';

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
export interface StatefulServiceProps
  extends PodProps, HttpServingProps, Pick<AutoscalingProps, 'maxUnavailable'> {
  readonly storage: StatefulStorage;
  /** Replicas; a StatefulSet is not autoscaled. @default 1 */
  readonly replicas?: number;
  /**
   * Keep the claims (and so the data) when the StatefulSet is deleted; scaling down always
   * keeps them. @default true
   */
  readonly retainVolumesOnDelete?: boolean;
}
