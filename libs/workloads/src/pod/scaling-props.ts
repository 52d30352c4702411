import type { WorkloadSizing } from '@platform/environments';

/**
 * Autoscaling bounds: the HorizontalPodAutoscaler owns the replica count. Each field unset
 * keeps the environment's (`workloads.replicas`), else 2 and 4; a `max` left unset is raised
 * to `min` when below it.
 */
export type ReplicaBounds = Partial<WorkloadSizing['replicas']>;

/** How an autoscaled workload scales and how much of it a disruption may take down. */
export interface AutoscalingProps {
  /**
   * Replica bounds for the HorizontalPodAutoscaler.
   * @default the environment's, else `{ min: 2, max: 4 }`; an unset `max` is raised to `min`
   */
  readonly replicas?: ReplicaBounds;
  /** Average CPU utilisation (percent of the request) the autoscaler aims for, 1–100. @default the environment's, else 70 */
  readonly targetCpuUtilizationPercent?: number;
  /** Pods a voluntary disruption may take down at once (PodDisruptionBudget), ≥ 1. @default 1 */
  readonly maxUnavailable?: number;
}
