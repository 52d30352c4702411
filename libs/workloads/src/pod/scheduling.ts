import * as kplus from 'cdk8s-plus-27';
import type { Construct } from 'constructs';

interface Metadata {
  readonly name: string;
  readonly namespace: string;
  readonly labels: Record<string, string>;
}

/** Spread replicas across zones first, then nodes; `ScheduleAnyway` so a lost zone never blocks scheduling. */
export function spreadConstraints(selector: Record<string, string>) {
  return ['topology.kubernetes.io/zone', 'kubernetes.io/hostname'].map((topologyKey) => ({
    maxSkew: 1,
    topologyKey,
    whenUnsatisfiable: 'ScheduleAnyway',
    labelSelector: { matchLabels: selector },
    // Count only pods of the same rollout, so a rolling update is not skewed by old pods.
    matchLabelKeys: ['pod-template-hash'],
  }));
}

/** How many of the selected pods a voluntary disruption (a node drain) may take at once. */
export function disruptionBudget(
  scope: Construct,
  metadata: Metadata,
  selector: Record<string, string>,
  maxUnavailable: number,
): void {
  new kplus.k8s.KubePodDisruptionBudget(scope, 'disruption-budget', {
    metadata,
    spec: {
      maxUnavailable: kplus.k8s.IntOrString.fromNumber(maxUnavailable),
      selector: { matchLabels: selector },
      // Pods that never became ready can always be evicted, so they cannot block a node drain.
      unhealthyPodEvictionPolicy: 'AlwaysAllow',
    },
  });
}
