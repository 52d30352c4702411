import type { Environment } from '@platform/environments';
import type { Construct } from 'constructs';
import { PropChecker } from './prop-checker.js';
import { resolvePodProps, type ResolvedPodProps } from './pod/resolve-pod-props.js';
import {
  containerPortOf,
  probePathsOf,
  scalingOf,
  type ResolvedProbePaths,
  type ResolvedScaling,
} from './pod/resolve-scaling.js';
import { isDnsLabel, platformServiceContract as contract } from '@platform/service-contracts';
import type { WebServiceProps } from './web-service-props.js';

export interface ResolvedRoute {
  readonly hostnames: readonly string[];
  readonly pathPrefix: string;
  /** The environment's Gateway the route attaches to. */
  readonly gateway: Pick<Environment['gateway'], 'name' | 'namespace'>;
}

/** WebServiceProps with every default applied and every invariant checked. */
export interface ResolvedWebServiceProps
  extends ResolvedPodProps, ResolvedProbePaths, ResolvedScaling {
  readonly containerPort: number;
  readonly servicePort: number;
  readonly ingressFromNamespaces: readonly string[];
  readonly route: ResolvedRoute | undefined;
}

/** Applies the documented defaults and checks every invariant. */
export function resolveWebServiceProps(
  scope: Construct,
  props: WebServiceProps,
): ResolvedWebServiceProps {
  const check: PropChecker = new PropChecker(`WebService '${props.name}'`);
  const pod = resolvePodProps(check, scope, props, ['PORT']);
  const containerPort = containerPortOf(
    check,
    'containerPort',
    props.containerPort ?? contract.port,
  );
  const servicePort = props.servicePort ?? 80;
  check.integerIn('servicePort', servicePort, 1, 65535);
  const probes = probePathsOf(check, 'probes', props.probes);
  const scaling = scalingOf(check, props, pod.environment?.workloads);

  let route: ResolvedRoute | undefined;
  if (props.route) {
    const gateway = pod.environment?.gateway;
    if (!gateway)
      check.fail(
        'route',
        props.route,
        "needs an environment: it attaches to the environment's Gateway",
      );
    const hostnames = props.route.hostnames ?? [`${props.name}.${gateway.domain}`];
    if (hostnames.length === 0)
      check.fail('route.hostnames', [], 'must list at least one hostname');
    hostnames.forEach((hostname, index) => {
      if (!isHostname(hostname)) {
        check.fail(
          `route.hostnames[${index}]`,
          hostname,
          'is not a DNS name (lowercase labels, dots, a leading *. allowed)',
        );
      }
    });
    const pathPrefix = props.route.pathPrefix ?? '/';
    if (!pathPrefix.startsWith('/') || /\s/.test(pathPrefix)) {
      check.fail('route.pathPrefix', pathPrefix, "must be an absolute HTTP path starting with '/'");
    }
    route = {
      hostnames,
      pathPrefix,
      gateway: { name: gateway.name, namespace: gateway.namespace },
    };
  }

  const ingressFromNamespaces = [
    ...new Set([
      ...pod.monitoringNamespaces,
      ...(route ? [route.gateway.namespace] : []),
      ...(props.ingressFromNamespaces ?? []),
    ]),
  ];
  ingressFromNamespaces.forEach((ns, index) =>
    check.dnsLabel(`ingressFromNamespaces[${index}]`, ns),
  );

  return {
    ...pod,
    ...probes,
    ...scaling,
    containerPort,
    servicePort,
    ingressFromNamespaces,
    route,
  };
}

/** A hostname a route may answer: two or more DNS labels, at most 253 characters, a leading `*.` allowed. */
function isHostname(hostname: string): boolean {
  const labels = hostname.split('.');
  if (labels[0] === '*') labels.shift();
  return hostname.length <= 253 && labels.length >= 2 && labels.every((label) => isDnsLabel(label));
}
