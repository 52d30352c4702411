import { ApiObject, JsonPatch } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { HttpRoute } from './exposure/http-route.js';
import { WorkloadNetworkPolicies } from './network-policies.js';
import { cpuAutoscaler, restrictedDeployment, workloadIdentity } from './pod/deployment.js';
import { httpProbes } from './pod/resolve-scaling.js';
import { restrictedContainer } from './pod/restricted-container.js';
import { disruptionBudget } from './pod/scheduling.js';
import {
  resolveWebServiceProps,
  type ResolvedWebServiceProps,
} from './resolve-web-service-props.js';
import type { WebServiceProps } from './web-service-props.js';

/**
 * An HTTP service with secure defaults; see {@link WebServiceProps}.
 * Every object gets an explicit name, so renaming a construct never renames
 * (and so recreates) a live object.
 */
export class WebService extends Construct {
  /** The props after defaults, for charts and tests that need the resolved values. */
  readonly resolved: ResolvedWebServiceProps;
  readonly deployment: kplus.Deployment;
  readonly service: kplus.Service;

  constructor(scope: Construct, id: string, props: WebServiceProps) {
    super(scope, id);
    const resolved = resolveWebServiceProps(this, props);
    this.resolved = resolved;
    const identity = workloadIdentity(this, resolved, 'web-service');
    const { labels, metadata, selector } = identity;
    this.deployment = restrictedDeployment(
      this,
      resolved,
      'web-service',
      identity,
      restrictedContainer(this, resolved, {
        ports: [{ name: 'http', number: resolved.containerPort }],
        env: { PORT: String(resolved.containerPort) },
        ...httpProbes(resolved.containerPort, resolved),
      }),
    );

    this.service = new kplus.Service(this, 'service', {
      metadata,
      type: kplus.ServiceType.CLUSTER_IP,
      ports: [{ name: 'http', port: resolved.servicePort, targetPort: resolved.containerPort }],
    });
    for (const [key, value] of Object.entries(selector)) this.service.selectLabel(key, value);
    ApiObject.of(this.service).addJsonPatch(JsonPatch.remove('/spec/externalIPs'));

    cpuAutoscaler(this, metadata, this.deployment, resolved);
    disruptionBudget(this, metadata, selector, resolved.maxUnavailable);

    new WorkloadNetworkPolicies(this, 'network-policies', {
      name: resolved.name,
      namespace: resolved.namespace,
      labels,
      podSelector: selector,
      ingress: [{ fromNamespaces: resolved.ingressFromNamespaces, port: resolved.containerPort }],
      egress: resolved.egress,
    });

    if (resolved.route) {
      new HttpRoute(this, 'route', {
        metadata,
        route: resolved.route,
        service: { name: resolved.name, port: resolved.servicePort },
      });
    }
  }
}
