import type { PodProps } from './pod/pod-props.js';

export type {
  CidrEgress,
  EgressDestination,
  NamespaceEgress,
  NetworkPort,
  ResourceBudget,
} from './pod/pod-props.js';

/** Autoscaling bounds: the HorizontalPodAutoscaler owns the replica count. */
export interface ReplicaBounds {
  /** Fewest replicas, at least 1. @default the environment's, else 2 */
  readonly min?: number;
  /** Most replicas, not below `min`. @default the environment's, else 4 */
  readonly max?: number;
}

/** The HTTP endpoints the kubelet probes, on the container port. */
export interface HttpProbePaths {
  /** Liveness: the process is alive. @default '/healthz' */
  readonly liveness?: string;
  /** Readiness: the pod may receive traffic. @default '/readyz' */
  readonly readiness?: string;
}

/** An HTTP route from outside the cluster, through the environment's Gateway (Gateway API v1). */
export interface HttpRouteProps {
  /**
   * Hostnames the route answers, DNS names (a leading `*.` allowed).
   * @default [`<name>.<environment gateway domain>`]
   */
  readonly hostnames?: readonly string[];
  /** Only requests whose path starts with this. @default '/' */
  readonly pathPrefix?: string;
}

/**
 * An HTTP service: ServiceAccount, Deployment, Service, HorizontalPodAutoscaler,
 * PodDisruptionBudget and NetworkPolicies, in the app's Namespace (Pod Security "restricted",
 * deny-all by default), and an HTTPRoute when it is exposed. Every default is the secure choice;
 * the port, probe paths, user, writable paths and grace period default to the platform's
 * service contract, which the service runtime serves.
 */
export interface WebServiceProps extends PodProps {
  /** The port the container listens on; ≥ 1024, since it runs without capabilities. @default 8080 */
  readonly containerPort?: number;
  /** The port the Service exposes. @default 80 */
  readonly servicePort?: number;
  /** Probe paths. @default { liveness: '/healthz', readiness: '/readyz' } */
  readonly probes?: HttpProbePaths;
  /** Replica bounds for the HorizontalPodAutoscaler. @default see {@link ReplicaBounds} */
  readonly replicas?: ReplicaBounds;
  /** Average CPU utilisation (percent of the request) the autoscaler aims for, 1–100. @default the environment's, else 70 */
  readonly targetCpuUtilizationPercent?: number;
  /**
   * Namespaces allowed to reach the container port, besides the environment's monitoring
   * namespaces and, when routed, its Gateway's. @default none
   */
  readonly ingressFromNamespaces?: readonly string[];
  /** Pods a voluntary disruption may take down at once (PodDisruptionBudget), ≥ 1. @default 1 */
  readonly maxUnavailable?: number;
  /** Expose it from outside the cluster through the environment's Gateway. @default not exposed */
  readonly route?: HttpRouteProps;
}
