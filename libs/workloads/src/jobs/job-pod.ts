import { Duration } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import type { Construct } from 'constructs';
import { versionedLabels, type WorkloadComponent } from '../labels.js';
import { WorkloadNetworkPolicies } from '../network-policies.js';
import { workloadIdentity } from '../pod/deployment.js';
import { podBasics } from '../pod/pod-template.js';
import { restrictedContainer } from '../pod/restricted-container.js';
import type { ResolvedPodProps } from '../pod/resolve-pod-props.js';
import { inEarlyWave } from '../pod/sync-waves.js';
import type { PropChecker } from '../prop-checker.js';
import type { JobRunProps } from './job-props.js';

export interface ResolvedJobRun {
  readonly backoffLimit: number;
  readonly activeDeadlineSeconds: number;
  readonly restartPolicy: kplus.RestartPolicy;
}

export function jobRunOf(
  check: PropChecker,
  props: JobRunProps,
  defaults: {
    backoffLimit: number;
    activeDeadlineSeconds: number;
    restartPolicy: 'OnFailure' | 'Never';
  },
): ResolvedJobRun {
  const backoffLimit = props.backoffLimit ?? defaults.backoffLimit;
  check.integerIn('backoffLimit', backoffLimit, 0, 100);
  const activeDeadlineSeconds = props.activeDeadlineSeconds ?? defaults.activeDeadlineSeconds;
  check.integerIn('activeDeadlineSeconds', activeDeadlineSeconds, 1, 604_800);
  const restartPolicy = props.restartPolicy ?? defaults.restartPolicy;
  if (restartPolicy !== 'OnFailure' && restartPolicy !== 'Never') {
    check.fail('restartPolicy', restartPolicy, "must be 'OnFailure' or 'Never' (a job's pod ends)");
  }
  return {
    backoffLimit,
    activeDeadlineSeconds,
    restartPolicy:
      restartPolicy === 'Never' ? kplus.RestartPolicy.NEVER : kplus.RestartPolicy.ON_FAILURE,
  };
}

/**
 * What a CronJob's and a Job's pods share: the Namespace, a ServiceAccount, the restricted
 * container (no probes: the pod runs to completion), the run limits, and NetworkPolicies that
 * admit nothing in.
 */
export function jobPod(
  scope: Construct,
  resolved: ResolvedPodProps,
  run: ResolvedJobRun,
  component: WorkloadComponent,
) {
  const { labels, metadata, selector, serviceAccount } = workloadIdentity(
    scope,
    resolved,
    component,
  );
  const policies = new WorkloadNetworkPolicies(scope, 'network-policies', {
    name: resolved.name,
    namespace: resolved.namespace,
    labels,
    podSelector: selector,
    ingress: [],
    egress: resolved.egress,
  });
  // A migration runs before the app's workloads: what it needs must be there first.
  if (component === 'migration') {
    inEarlyWave(serviceAccount);
    inEarlyWave(policies);
  }
  const podLabels = versionedLabels(resolved, component);
  return {
    metadata: { ...metadata, labels: podLabels },
    props: {
      ...podBasics(resolved, serviceAccount),
      podMetadata: { labels: podLabels },
      restartPolicy: run.restartPolicy,
      backoffLimit: run.backoffLimit,
      activeDeadline: Duration.seconds(run.activeDeadlineSeconds),
      containers: [restrictedContainer(scope, resolved, {})],
    },
  };
}
