import type { WorkloadSizing } from '@platform/environments';
import { platformServiceContract as contract } from '@platform/service-contracts';
import { Duration } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import type { PropChecker } from '../prop-checker.js';
import { DEFAULT_SIZING } from './default-sizing.js';
import type { HttpProbePaths } from './http-serving-props.js';
import type { AutoscalingProps } from './scaling-props.js';

/** A port a container listens on: ≥ 1024, as it runs without capabilities. */
export function containerPortOf(check: PropChecker, prop: string, value: number): number {
  check.integerIn(prop, value, 1, 65535);
  if (value < 1024) {
    check.fail(
      prop,
      value,
      'is a privileged port: the container runs as a non-root user with every capability dropped, so it can only listen on 1024 or above',
    );
  }
  return value;
}

export interface ResolvedProbePaths {
  readonly livenessPath: string;
  readonly readinessPath: string;
}

export function probePathsOf(
  check: PropChecker,
  prop: string,
  probes: HttpProbePaths | undefined,
): ResolvedProbePaths {
  const livenessPath = probes?.liveness ?? contract.livenessPath;
  const readinessPath = probes?.readiness ?? contract.readinessPath;
  for (const [name, path] of [
    [`${prop}.liveness`, livenessPath],
    [`${prop}.readiness`, readinessPath],
  ] as const) {
    if (!path.startsWith('/') || /\s/.test(path))
      check.fail(name, path, "must be an absolute HTTP path starting with '/'");
  }
  return { livenessPath, readinessPath };
}

/** Readiness, liveness and a start-up budget (up to 60 s to boot) on an HTTP port. */
export function httpProbes(port: number, paths: ResolvedProbePaths) {
  return {
    readiness: kplus.Probe.fromHttpGet(paths.readinessPath, {
      port,
      periodSeconds: Duration.seconds(5),
      failureThreshold: 2,
      timeoutSeconds: Duration.seconds(2),
    }),
    liveness: kplus.Probe.fromHttpGet(paths.livenessPath, {
      port,
      periodSeconds: Duration.seconds(10),
      failureThreshold: 3,
      timeoutSeconds: Duration.seconds(2),
    }),
    // Liveness only starts once the app has answered once: up to 60 s to boot.
    startup: kplus.Probe.fromHttpGet(paths.livenessPath, {
      port,
      periodSeconds: Duration.seconds(2),
      failureThreshold: 30,
      timeoutSeconds: Duration.seconds(2),
    }),
  };
}

export interface ResolvedScaling {
  readonly minReplicas: number;
  readonly maxReplicas: number;
  readonly targetCpuUtilizationPercent: number;
  readonly maxUnavailable: number;
}

/** Autoscaling bounds and the disruption budget, from the props, else the environment's sizing. */
export function scalingOf(
  check: PropChecker,
  props: AutoscalingProps,
  sizing: WorkloadSizing = DEFAULT_SIZING,
): ResolvedScaling {
  const minReplicas = props.replicas?.min ?? sizing.replicas.min;
  // An unset max is raised to an explicit min, so `{ min: 6 }` alone is valid.
  const maxReplicas = props.replicas?.max ?? Math.max(sizing.replicas.max, minReplicas);
  check.integerIn('replicas.min', minReplicas, 1, 1000);
  check.integerIn('replicas.max', maxReplicas, 1, 1000);
  if (minReplicas > maxReplicas) {
    check.fail('replicas.min', minReplicas, `is above replicas.max (${maxReplicas})`);
  }
  const targetCpuUtilizationPercent =
    props.targetCpuUtilizationPercent ?? sizing.targetCpuUtilizationPercent;
  check.integerIn('targetCpuUtilizationPercent', targetCpuUtilizationPercent, 1, 100);
  const maxUnavailable = maxUnavailableOf(check, props.maxUnavailable, minReplicas, 'replicas.min');
  return { minReplicas, maxReplicas, targetCpuUtilizationPercent, maxUnavailable };
}

/** At least 1, and (unless there is one pod) below the fewest pods: one drain never stops it all. */
export function maxUnavailableOf(
  check: PropChecker,
  value: number | undefined,
  fewest: number,
  fewestProp: string,
): number {
  const maxUnavailable = value ?? 1;
  check.integerIn('maxUnavailable', maxUnavailable, 1, 1000);
  if (maxUnavailable > fewest) {
    check.fail(
      'maxUnavailable',
      maxUnavailable,
      `is above ${fewestProp} (${fewest}): one disruption could stop the service`,
    );
  }
  return maxUnavailable;
}
