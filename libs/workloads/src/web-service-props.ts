import type { Environment } from '@platform/environments';

/** A TCP or UDP port a NetworkPolicy opens. */
export interface NetworkPort {
  /** Port number, 1–65535. */
  readonly port: number;
  /** @default 'TCP' */
  readonly protocol?: 'TCP' | 'UDP';
}

/** Pods in another namespace this service may call. */
export interface NamespaceEgress {
  /** The destination namespace. */
  readonly namespace: string;
  /** Only pods with these labels. @default every pod in the namespace */
  readonly podLabels?: Readonly<Record<string, string>>;
  /** The ports the service may call. */
  readonly ports: readonly NetworkPort[];
}

/** Addresses outside the cluster (a managed database, an external API) this service may call. */
export interface CidrEgress {
  /** An IPv4 or IPv6 CIDR, e.g. `10.20.0.0/16`. */
  readonly cidr: string;
  /** Sub-ranges of `cidr` that stay closed. @default none */
  readonly except?: readonly string[];
  /** The ports the service may call. */
  readonly ports: readonly NetworkPort[];
}

/** One destination a service's egress NetworkPolicy allows, besides cluster DNS. */
export type EgressDestination = NamespaceEgress | CidrEgress;

/** Resource requests and limits of the service container; unset fields keep the environment's. */
export interface ResourceBudget {
  /** CPU request in millicores. @default the environment's, else 100 */
  readonly cpuRequestMillis?: number;
  /** CPU limit in millicores; not below the request. @default the environment's, else 500 */
  readonly cpuLimitMillis?: number;
  /** Memory request in MiB. @default the environment's, else 128 */
  readonly memoryRequestMebibytes?: number;
  /** Memory limit in MiB; not below the request. @default the environment's, else 256 */
  readonly memoryLimitMebibytes?: number;
}

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

/**
 * An HTTP service: Namespace (Pod Security "restricted"), ServiceAccount,
 * Deployment, Service, HorizontalPodAutoscaler, PodDisruptionBudget and
 * deny-by-default NetworkPolicies. Every default is the secure choice; the port,
 * probe paths, user, writable paths and grace period default to the platform's service
 * contract, which the service runtime serves.
 */
export interface WebServiceProps {
  /** The app name: a DNS-1123 label of at most 56 characters, used for every object and label. */
  readonly name: string;
  /** The namespace the service owns and creates. @default name */
  readonly namespace?: string;
  /** The image, `repository:tag` or `repository@sha256:<digest>`; never `latest`. */
  readonly image: string;
  /**
   * The environment it runs in: the defaults for replicas, autoscaling target and resources,
   * `ENVIRONMENT` and `LOG_LEVEL`, and the namespaces allowed in besides `ingressFromNamespaces`.
   * @default the environment of the enclosing AppChart, else none (the construct's own defaults)
   */
  readonly environment?: Environment;
  /** `app.kubernetes.io/part-of`. @default name */
  readonly partOf?: string;
  /** The port the container listens on; ≥ 1024, since it runs without capabilities. @default 8080 */
  readonly containerPort?: number;
  /** The port the Service exposes. @default 80 */
  readonly servicePort?: number;
  /** Probe paths. @default { liveness: '/healthz', readiness: '/readyz' } */
  readonly probes?: HttpProbePaths;
  /** The numeric, non-root user (and group) the container runs as. @default 10001 */
  readonly runAsUser?: number;
  /** Writable directories, each an `emptyDir`; the root filesystem is read-only. @default ['/tmp'] */
  readonly writablePaths?: readonly string[];
  /** Size limit of each writable directory in MiB. @default 64 */
  readonly writableSizeMebibytes?: number;
  /** Replica bounds for the HorizontalPodAutoscaler. @default see {@link ReplicaBounds} */
  readonly replicas?: ReplicaBounds;
  /** Average CPU utilisation (percent of the request) the autoscaler aims for, 1–100. @default the environment's, else 70 */
  readonly targetCpuUtilizationPercent?: number;
  /** Requests and limits. @default see {@link ResourceBudget} */
  readonly resources?: ResourceBudget;
  /**
   * Extra environment variables, over `ENVIRONMENT` and `LOG_LEVEL` from the environment;
   * `PORT` is set from `containerPort`. @default none
   */
  readonly env?: Readonly<Record<string, string>>;
  /**
   * Namespaces allowed to reach the container port, besides the environment's.
   * @default none: only the environment's, and without an environment no ingress at all
   */
  readonly ingressFromNamespaces?: readonly string[];
  /** Destinations the pods may call besides cluster DNS. @default none */
  readonly egress?: readonly EgressDestination[];
  /** Pods a voluntary disruption may take down at once (PodDisruptionBudget), ≥ 1. @default 1 */
  readonly maxUnavailable?: number;
  /** Seconds between SIGTERM and SIGKILL. @default 30 */
  readonly terminationGracePeriodSeconds?: number;
}
