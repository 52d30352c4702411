import type { EnvironmentCluster } from './clusters.js';

/**
 * How big each app runs in an environment unless its chart says otherwise. The one definition
 * of these sizes: the workload library's props (`replicas`, `resources`) are its parts, each
 * field optional.
 */
export interface WorkloadSizing {
  /** Autoscaling bounds; the HorizontalPodAutoscaler owns the replica count. */
  readonly replicas: {
    /** Fewest replicas, at least 1. */
    readonly min: number;
    /** Most replicas, not below `min`. */
    readonly max: number;
  };
  /** Average CPU utilisation (percent of the request) the autoscaler aims for, 1–100. */
  readonly targetCpuUtilizationPercent: number;
  /** Requests and limits of a workload's container. */
  readonly resources: {
    /** CPU request in millicores. */
    readonly cpuRequestMillis: number;
    /** CPU limit in millicores; not below the request. */
    readonly cpuLimitMillis: number;
    /** Memory request in MiB. */
    readonly memoryRequestMebibytes: number;
    /** Memory limit in MiB; not below the request. */
    readonly memoryLimitMebibytes: number;
  };
}

/** The Gateway an environment's HTTP routes attach to. */
export interface EnvironmentGateway {
  /** The Gateway's name. */
  readonly name: string;
  /** Its namespace: the platform's, where its proxies run. */
  readonly namespace: string;
  /** The DNS zone of the environment's hostnames: a route defaults to `<app>.<domain>`. */
  readonly domain: string;
}

/**
 * How Argo CD runs in an environment's clusters: its chart values come from these (in
 * libs/platform), both when infra/bootstrap installs it and when it then manages itself from
 * git. Secrets (the webhook's, the SSO client's) are not here: infra/bootstrap puts them in the
 * argocd-secret Secret, and the values only name them.
 */
export interface ArgoCdSettings {
  /** redis-ha (3 nodes), PodDisruptionBudgets, and 2+ replicas of the stateless components. @default false */
  readonly highAvailability?: boolean;
  /** Replicas per component; at least 2 of the server, repo server and ApplicationSet controller in HA. @default 1 each */
  readonly replicas?: {
    readonly controller?: number;
    readonly server?: number;
    readonly repoServer?: number;
    readonly applicationSet?: number;
  };
  /** How often Argo CD polls git when no webhook arrives (`timeout.reconciliation`). @default '180s' */
  readonly reconciliationTimeout?: string;
  /** The built-in `admin` user (the password in argocd-initial-admin-secret). @default false */
  readonly adminEnabled?: boolean;
  /** GitHub push webhooks trigger syncs; infra/bootstrap then needs the webhook secret. @default true */
  readonly gitWebhook?: boolean;
  /** Serves the UI and API through an Ingress at this host. @default none: ClusterIP, port-forward */
  readonly ingress?: { readonly host: string; readonly className?: string };
  /** Single sign-on through an OIDC issuer; admins by `groups` claim, everyone else reads. @default none */
  readonly sso?: {
    readonly issuer: string;
    readonly clientId: string;
    readonly adminGroups: readonly string[];
  };
}

/** Where the Gateway's certificate comes from. */
export interface CertificateSettings {
  /**
   * Let's Encrypt's `production` directory, or `staging` (untrusted certificates, generous
   * rate limits) while an environment is being set up. @default 'production'
   */
  readonly acmeDirectory?: 'production' | 'staging';
  /** The ACME account's contact address. @default none (Let's Encrypt needs none) */
  readonly email?: string;
}

/** The GitOps engines that can sync an environment's directories. */
export const GITOPS_ENGINES = ['argocd', 'flux'] as const;
export type GitOpsEngine = (typeof GITOPS_ENGINES)[number];

/**
 * The engine of an environment (`argocd` when unset). Environment data is TypeScript, but a
 * cast or a JavaScript caller can still carry any string: refused here, naming the field and
 * the values it takes.
 */
export function engineOf(environment: Pick<Environment, 'name' | 'engine'>): GitOpsEngine {
  const engine = environment.engine ?? 'argocd';
  if (!(GITOPS_ENGINES as readonly string[]).includes(engine)) {
    throw new Error(
      `environment '${environment.name}': engine '${String(engine)}' is not one of ${GITOPS_ENGINES.join(', ')}`,
    );
  }
  return engine;
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
  /** Namespaces whose pods (Prometheus) may scrape every workload's metrics port. */
  readonly monitoringNamespaces: readonly string[];
  /**
   * The platform's Gateway (Gateway API v1) that apps' HTTP routes attach to. Its listener
   * terminates TLS; its namespace is let through to the pods a route sends traffic to.
   */
  readonly gateway: EnvironmentGateway;
  /**
   * The GitOps engine that syncs `manifests/<name>/` in its clusters: Argo CD (Applications, an
   * ApplicationSet) or Flux (Kustomizations, HelmReleases). The apps' directories are the same
   * either way; switching is this field, a render and a bootstrap run (README, "Choosing the
   * engine"). @default 'argocd'
   */
  readonly engine?: GitOpsEngine;
  /** Argo CD in this environment's clusters (when `engine` is `argocd`). @default every field's default */
  readonly argocd?: ArgoCdSettings;
  /** The Gateway's certificate (ACME DNS-01 through Route 53 on EKS). @default the fields' defaults */
  readonly certificates?: CertificateSettings;
  /** Log level every app runs with. */
  readonly logLevel: 'debug' | 'info' | 'warn' | 'error';
  /**
   * Where the images built for this environment are pushed: `<registry host>/<prefix>`, the
   * registry infra/cluster creates for it (`imageRegistry` of its stack). An app's repository is
   * `<imageRegistry>/<app>`: its first `release bump` here uses it, as it has no image file yet.
   */
  readonly imageRegistry: string;
  /** The StorageClass of stateful workloads' volumes. @default 'gp3' (the EBS CSI driver's, on EKS) */
  readonly storageClassName?: string;
  /**
   * Configuration values of this environment, keyed by app, then by key: they override what
   * the app's chart puts in its `AppConfig`. @default none
   */
  readonly config?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /**
   * The environment's clusters, when it has more than one: a hub that runs its one Argo CD and
   * the workload clusters that hub syncs (README, "Many clusters"). Adding a cluster is one
   * entry here, its cluster stack and a bootstrap run. @default none: one cluster, the stack
   * named after the environment, runs the engine and the apps
   */
  readonly clusters?: readonly EnvironmentCluster[];
}

/** The image repository of an app in an environment that has no image file for it yet. */
export function defaultRepository(environment: Environment, app: string): string {
  return `${environment.imageRegistry}/${app}`;
}
