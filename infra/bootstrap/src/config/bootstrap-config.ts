import type { Environment, EnvironmentCluster } from '@platform/environments';
import type * as pulumi from '@pulumi/pulumi';
import type { RepoTransport } from './repo-url.js';

/** A secret config value, read with `pulumi.Config.requireSecret`: it stays encrypted in state. */
export type SecretValue = pulumi.Output<string>;

/** How the program reaches the cluster it bootstraps (a hub-and-spoke environment's hub). */
export type ClusterAccess =
  /** The cluster stack's `kubeconfig` output, e.g. `acme/infra-cluster/staging` (EKS). */
  | { readonly kind: 'stack-reference'; readonly stackName: string }
  /** A context of the local kubeconfig (kind, minikube, Docker Desktop): the `local` stack. */
  | { readonly kind: 'kube-context'; readonly context: string };

/** How Argo CD authenticates to the repository. */
export type RepoCredentials =
  | { readonly kind: 'public' }
  /** A read-only deploy key. */
  | { readonly kind: 'ssh'; readonly privateKey: SecretValue }
  /** A GitHub App installed on the repository (read-only contents). */
  | {
      readonly kind: 'github-app';
      readonly appId: string;
      readonly installationId: string;
      readonly privateKey: SecretValue;
    };

export interface RepoSettings {
  readonly url: string;
  readonly transport: RepoTransport;
  /** Branch, tag or commit Argo CD follows. */
  readonly revision: string;
  readonly credentials: RepoCredentials;
}

/**
 * The keys of argocd-secret that come from the stack's secrets. Argo CD's other settings are
 * environment data (libs/environments `argocd`), shared with the self-managed Application.
 */
export interface ArgoCdSecrets {
  /** `webhook.github.secret`; present exactly when the environment's `argocd.gitWebhook` is on. */
  readonly webhookSecret?: SecretValue;
  /** `oidc.clientSecret`; present exactly when the environment has `argocd.sso`. */
  readonly oidcClientSecret?: SecretValue;
}

/** What Flux needs from the stack, in an environment on Flux. */
export interface FluxSettings {
  /** known_hosts lines of the repository's SSH host (repoAccess ssh only). */
  readonly knownHosts?: string;
  /** The token of the commit-status Provider. */
  readonly commitStatusToken?: SecretValue;
}

/** A workload cluster of a hub-and-spoke environment, which the hub's Argo CD syncs. */
export interface WorkloadCluster {
  /** Its entry in the environment's data (libs/environments `clusters`). */
  readonly cluster: EnvironmentCluster;
  /** Its infra-cluster stack: `<org>/<project>/<cluster.stack>`, the hub stack's org and project. */
  readonly stackName: string;
}

/** The validated configuration of one stack. */
export interface BootstrapConfig {
  /** The environment this cluster runs (`manifests/<name>/`), as libs/environments defines it. */
  readonly environment: Environment;
  readonly cluster: ClusterAccess;
  /** The clusters the hub registers in its Argo CD: none for an environment of one cluster. */
  readonly workloadClusters: readonly WorkloadCluster[];
  readonly repo: RepoSettings;
  readonly argocdSecrets: ArgoCdSecrets;
  readonly flux: FluxSettings;
}
