import type { ImageReference } from '@platform/image-ref';
import type { Environment, WorkloadSizing } from '@platform/environments';
import type { AppConfig } from '../config/app-config.js';
import type { EgressDestination } from './egress-props.js';

/**
 * Resource requests and limits of the container; each field unset keeps the environment's
 * (`workloads.resources`), else 100 millicores and 128 MiB requested, 500 millicores and
 * 256 MiB at most. A limit left unset is raised to its request when below it.
 */
export type ResourceBudget = Partial<WorkloadSizing['resources']>;
/** A key of one of the app's SealedSecrets, as an environment variable. */
export interface SecretEnvReference {
  /** The Secret's name: a SealedSecret of this app in `deploy/sealed-secrets/<env>/`. */
  readonly secret: string;
  /** The key in it. */
  readonly key: string;
  /** The environment variable that holds the value. */
  readonly env: string;
}

/** One of the app's SealedSecrets, every key a file (read-only, mode 0400) under `mountPath`. */
export interface SecretFileReference {
  /** The Secret's name: a SealedSecret of this app in `deploy/sealed-secrets/<env>/`. */
  readonly secret: string;
  /** An absolute directory; the root filesystem stays read-only. */
  readonly mountPath: string;
}

/** A secret a workload reads: never a plain Secret, only one of the app's SealedSecrets. */
export type SecretReference = SecretEnvReference | SecretFileReference;

/** How a workload reads an {@link AppConfig}. */
export interface ConfigUse {
  readonly from: AppConfig;
  /** Mount every key as a file here instead of passing it as environment. @default as environment */
  readonly mountPath?: string;
}

/**
 * What every workload of the library has in common: one restricted container (numeric
 * non-root user, no privilege escalation, every capability dropped, RuntimeDefault seccomp,
 * read-only root filesystem with an `emptyDir` per writable path), its own ServiceAccount that
 * mounts no token, requests and limits, and deny-by-default NetworkPolicies.
 */
export interface PodProps {
  /** The workload's name: a DNS-1123 label of at most 56 characters, for every object and label. */
  readonly name: string;
  /** The namespace the workload runs in; created once per chart. @default the app's (the name) */
  readonly namespace?: string;
  /**
   * The image: the chart's `this.image` (already parsed), or text, `repository:tag` or
   * `repository@sha256:<digest>`; never `latest`.
   */
  readonly image: ImageReference | string;
  /**
   * The environment it runs in: its defaults for resources, `ENVIRONMENT` and `LOG_LEVEL`, the
   * namespaces that scrape metrics.
   * @default the environment of the enclosing AppChart, else none (the construct's own defaults)
   */
  readonly environment?: Environment;
  /** `app.kubernetes.io/part-of`. @default the app's name (the enclosing AppChart's), else name */
  readonly partOf?: string;
  /** The command, overriding the image's entrypoint and CMD. @default the image's */
  readonly command?: readonly string[];
  /** The numeric, non-root user (and group) the container runs as. @default 10001 (the contract's) */
  readonly runAsUser?: number;
  /** Writable directories, each an `emptyDir`; the root filesystem is read-only. @default ['/tmp'] */
  readonly writablePaths?: readonly string[];
  /** Size limit of each writable directory in MiB. @default 64 */
  readonly writableSizeMebibytes?: number;
  /** Requests and limits. @default see {@link ResourceBudget} */
  readonly resources?: ResourceBudget;
  /** Extra environment variables, over `ENVIRONMENT` and `LOG_LEVEL` from the environment. @default none */
  readonly env?: Readonly<Record<string, string>>;
  /** Configuration, passed as environment (the default) or mounted as files. @default none */
  readonly config?: ConfigUse;
  /** Keys or whole SealedSecrets of the app, as environment or files. @default none */
  readonly secrets?: readonly SecretReference[];
  /** Destinations the pods may call besides cluster DNS. @default none */
  readonly egress?: readonly EgressDestination[];
  /** Seconds between SIGTERM and SIGKILL. @default 30 (the contract's) */
  readonly terminationGracePeriodSeconds?: number;
}
