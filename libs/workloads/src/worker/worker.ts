import { platformServiceContract as contract } from '@platform/service-contracts';
import { Duration } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { WorkloadNetworkPolicies } from '../network-policies.js';
import { cpuAutoscaler, restrictedDeployment, workloadIdentity } from '../pod/deployment.js';
import { resolvePodProps } from '../pod/resolve-pod-props.js';
import {
  containerPortOf,
  httpProbes,
  maxUnavailableOf,
  probePathsOf,
  scalingOf,
} from '../pod/resolve-scaling.js';
import { restrictedContainer } from '../pod/restricted-container.js';
import { disruptionBudget } from '../pod/scheduling.js';
import { PropChecker } from '../prop-checker.js';
import type { WorkerProps } from './worker-props.js';

/** A long-running process that takes no traffic; see {@link WorkerProps}. */
export class Worker extends Construct {
  readonly deployment: kplus.Deployment;

  constructor(scope: Construct, id: string, props: WorkerProps) {
    super(scope, id);
    const check: PropChecker = new PropChecker(`Worker '${props.name}'`);
    for (const prop of ['servicePort', 'containerPort', 'route'] as const) {
      if (prop in props) {
        check.fail(
          prop,
          (props as unknown as Record<string, unknown>)[prop],
          'is not for a Worker: it has no Service and takes no traffic (use a WebService)',
        );
      }
    }
    const resolved = resolvePodProps(check, this, props, ['PORT']);
    const health = props.health ?? { http: {} };
    const httpPort =
      'http' in health
        ? containerPortOf(check, 'health.http.port', health.http.port ?? contract.port)
        : undefined;
    if ('exec' in health && health.exec.command.length === 0) {
      check.fail('health.exec.command', [], 'must not be empty');
    }
    const fixed = typeof props.replicas === 'number' ? props.replicas : undefined;
    if (fixed !== undefined) check.integerIn('replicas', fixed, 1, 1000);
    const scaling =
      fixed === undefined
        ? scalingOf(
            check,
            { ...props, replicas: props.replicas as Exclude<WorkerProps['replicas'], number> },
            resolved.environment?.workloads,
          )
        : undefined;
    const maxUnavailable =
      scaling?.maxUnavailable ??
      maxUnavailableOf(check, props.maxUnavailable, fixed ?? 1, 'replicas');

    const identity = workloadIdentity(this, resolved, 'worker');
    const { labels, metadata, selector } = identity;

    const probes =
      'http' in health
        ? httpProbes(
            httpPort ?? contract.port,
            probePathsOf(check, 'health.http.probes', health.http.probes),
          )
        : execProbes(health.exec.command);
    this.deployment = restrictedDeployment(
      this,
      resolved,
      'worker',
      identity,
      restrictedContainer(this, resolved, {
        ...(httpPort
          ? { ports: [{ name: 'health', number: httpPort }], env: { PORT: String(httpPort) } }
          : {}),
        ...probes,
      }),
      fixed,
    );
    if (scaling) cpuAutoscaler(this, metadata, this.deployment, scaling);
    disruptionBudget(this, metadata, selector, maxUnavailable);
    new WorkloadNetworkPolicies(this, 'network-policies', {
      name: resolved.name,
      namespace: resolved.namespace,
      labels,
      podSelector: selector,
      // Only Prometheus, and only when there is a port to scrape.
      ingress: httpPort ? [{ fromNamespaces: resolved.monitoringNamespaces, port: httpPort }] : [],
      egress: resolved.egress,
    });
  }
}

function execProbes(command: readonly string[]) {
  const probe = (periodSeconds: number, failureThreshold: number) =>
    kplus.Probe.fromCommand([...command], {
      periodSeconds: Duration.seconds(periodSeconds),
      failureThreshold,
      timeoutSeconds: Duration.seconds(5),
    });
  return { readiness: probe(10, 2), liveness: probe(20, 3), startup: probe(2, 30) };
}
