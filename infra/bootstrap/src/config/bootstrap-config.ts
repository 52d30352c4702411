import type * as pulumi from '@pulumi/pulumi';
import type { RepoTransport } from './repo-url.js';

/** A secret config value, read with `pulumi.Config.requireSecret`: it stays encrypted in state. */
export type SecretValue = pulumi.Output<string>;

/** How the program reaches the cluster it bootstraps. */
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

export interface ArgoCdReplicas {
  readonly controller: number;
  readonly server: number;
  readonly repoServer: number;
  readonly applicationSet: number;
}

export interface ArgoCdSettings {
  /** redis-ha, PodDisruptionBudgets, and at least 2 replicas of every stateless component. */
  readonly highAvailability: boolean;
  readonly replicas: ArgoCdReplicas;
  /** How often Argo CD polls git when no webhook arrives, e.g. `180s`. */
  readonly reconciliationTimeout: string;
  /** The built-in `admin` user; off unless asked for (SSO or `argocd --core` instead). */
  readonly adminEnabled: boolean;
  /** The GitHub webhook secret; absent when webhooks are off (polling only). */
  readonly webhookSecret?: SecretValue;
  /** Exposes the server through an Ingress; absent: ClusterIP only (port-forward). */
  readonly ingress?: { readonly host: string; readonly className?: string };
  /** Single sign-on through an OIDC provider; absent: no SSO. */
  readonly sso?: {
    readonly issuer: string;
    readonly clientId: string;
    readonly clientSecret: SecretValue;
    /** Groups (the `groups` claim) that get `role:admin`; everyone else who logs in reads only. */
    readonly adminGroups: readonly string[];
  };
}

/** The validated configuration of one stack. */
export interface BootstrapConfig {
  /** The environment (`manifests/<environment>/`) this cluster runs. */
  readonly environment: string;
  readonly cluster: ClusterAccess;
  readonly repo: RepoSettings;
  readonly argocd: ArgoCdSettings;
}
