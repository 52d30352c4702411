/** How big each app runs in an environment unless its chart says otherwise. */
export interface WorkloadSizing {
  /** Autoscaling bounds; the HorizontalPodAutoscaler owns the replica count. */
  readonly replicas: { readonly min: number; readonly max: number };
  /** Average CPU utilisation (percent of the request) the autoscaler aims for. */
  readonly targetCpuUtilizationPercent: number;
  readonly resources: {
    readonly cpuRequestMillis: number;
    readonly cpuLimitMillis: number;
    readonly memoryRequestMebibytes: number;
    readonly memoryLimitMebibytes: number;
  };
}

/**
 * One environment: a directory `manifests/<name>/`, a cluster, an Argo CD AppProject. Every
 * app's chart receives it, and the workload library takes its defaults from it.
 */
export interface Environment {
  /** DNS-1123 label; the directory under `manifests/` and the Pulumi stack name. */
  readonly name: string;
  readonly description: string;
  /** Sizing every workload gets unless its chart sets its own. */
  readonly workloads: WorkloadSizing;
  /** Namespaces (ingress controller, monitoring) allowed to reach every app's port. */
  readonly ingressFromNamespaces: readonly string[];
  /** Log level every app runs with. */
  readonly logLevel: 'debug' | 'info' | 'warn' | 'error';
  /**
   * Where the images built for this environment are pushed: `<registry host>/<prefix>`, the
   * registry infra/cluster creates for it (`imageRegistry` of its stack). An app's repository is
   * `<imageRegistry>/<app>`: its first `release bump` here uses it, as it has no image file yet.
   */
  readonly imageRegistry: string;
}

/** The image repository of an app in an environment that has no image file for it yet. */
export function defaultRepository(environment: Environment, app: string): string {
  return `${environment.imageRegistry}/${app}`;
}
