/** How big each app runs in an environment. Units match the workload library's props. */
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

/** A per-app override of the environment's sizing; unset fields keep the environment's value. */
export interface WorkloadSizingOverride {
  readonly replicas?: Partial<WorkloadSizing['replicas']>;
  readonly targetCpuUtilizationPercent?: number;
  readonly resources?: Partial<WorkloadSizing['resources']>;
}

/** One environment: a directory `manifests/<name>/`, a cluster, an Argo CD AppProject. */
export interface Environment {
  /** DNS-1123 label; the directory under `manifests/` and the Pulumi stack name. */
  readonly name: string;
  readonly description: string;
  /** Sizing every app gets unless overridden in `apps`. */
  readonly workloads: WorkloadSizing;
  /** Per-app sizing overrides, keyed by app name. @default none */
  readonly apps?: Readonly<Record<string, WorkloadSizingOverride>>;
  /** Namespaces (ingress controller, monitoring) allowed to reach every app's port. */
  readonly ingressFromNamespaces: readonly string[];
  /** Log level every app runs with. */
  readonly logLevel: 'debug' | 'info' | 'warn' | 'error';
}

/** The sizing of one app in one environment: the environment's defaults with the app's override on top. */
export function sizingFor(environment: Environment, appName: string): WorkloadSizing {
  const override = environment.apps?.[appName] ?? {};
  const base = environment.workloads;
  return {
    replicas: { ...base.replicas, ...override.replicas },
    targetCpuUtilizationPercent:
      override.targetCpuUtilizationPercent ?? base.targetCpuUtilizationPercent,
    resources: { ...base.resources, ...override.resources },
  };
}
