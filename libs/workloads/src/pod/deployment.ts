import { ApiObject, JsonPatch } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import type { Construct } from 'constructs';
import {
  selectorLabels,
  standardLabels,
  versionedLabels,
  type WorkloadComponent,
} from '../labels.js';
import { ensureNamespace } from './app-namespace.js';
import { finishPodTemplate, podBasics } from './pod-template.js';
import type { ResolvedPodProps } from './resolve-pod-props.js';
import type { ResolvedScaling } from './resolve-scaling.js';
import { spreadConstraints } from './scheduling.js';

/** What every workload's objects are named and labelled with, and its pods' selector. */
export function workloadIdentity(
  scope: Construct,
  resolved: ResolvedPodProps,
  component: WorkloadComponent,
) {
  const labels = standardLabels(resolved, component);
  const metadata = { name: resolved.name, namespace: resolved.namespace, labels };
  ensureNamespace(scope, resolved.namespace, resolved.partOf);
  const serviceAccount = new kplus.ServiceAccount(scope, 'service-account', {
    metadata,
    automountToken: false,
  });
  return { labels, metadata, selector: selectorLabels(resolved), serviceAccount };
}

/**
 * A Deployment of one restricted container: selected by its stable labels, spread across zones
 * then nodes, rolled out without ever dropping below the desired count. Without `replicas` the
 * autoscaler owns the count.
 */
export function restrictedDeployment(
  scope: Construct,
  resolved: ResolvedPodProps,
  component: WorkloadComponent,
  identity: ReturnType<typeof workloadIdentity>,
  container: kplus.ContainerProps,
  replicas?: number,
): kplus.Deployment {
  const podLabels = versionedLabels(resolved, component);
  const deployment = new kplus.Deployment(scope, 'deployment', {
    ...podBasics(resolved, identity.serviceAccount),
    metadata: { ...identity.metadata, labels: podLabels },
    podMetadata: { labels: podLabels },
    select: false,
    ...(replicas !== undefined ? { replicas } : {}),
    strategy: kplus.DeploymentStrategy.rollingUpdate({
      maxSurge: kplus.PercentOrAbsolute.percent(25),
      maxUnavailable: kplus.PercentOrAbsolute.absolute(0),
    }),
    containers: [container],
  });
  deployment.select(kplus.LabelSelector.of({ labels: identity.selector }));
  finishPodTemplate(deployment, resolved);
  ApiObject.of(deployment).addJsonPatch(
    JsonPatch.add(
      '/spec/template/spec/topologySpreadConstraints',
      spreadConstraints(identity.selector),
    ),
  );
  return deployment;
}

/** A HorizontalPodAutoscaler on average CPU utilisation of the requests. */
export function cpuAutoscaler(
  scope: Construct,
  metadata: ReturnType<typeof workloadIdentity>['metadata'],
  target: kplus.IScalable,
  scaling: ResolvedScaling,
): void {
  new kplus.HorizontalPodAutoscaler(scope, 'autoscaler', {
    metadata,
    target,
    minReplicas: scaling.minReplicas,
    maxReplicas: scaling.maxReplicas,
    metrics: [
      kplus.Metric.resourceCpu(
        kplus.MetricTarget.averageUtilization(scaling.targetCpuUtilizationPercent),
      ),
    ],
  });
}
