import type { HttpServingProps } from './pod/http-serving-props.js';
import type { PodProps } from './pod/pod-props.js';
import type { AutoscalingProps } from './pod/scaling-props.js';

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
export interface WebServiceProps extends PodProps, HttpServingProps, AutoscalingProps {
  /** The port the Service exposes. @default 80 */
  readonly servicePort?: number;
  /** Expose it from outside the cluster through the environment's Gateway. @default not exposed */
  readonly route?: HttpRouteProps;
}
