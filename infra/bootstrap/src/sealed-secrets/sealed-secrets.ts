import * as k8s from '@pulumi/kubernetes';
import * as pulumi from '@pulumi/pulumi';
import { resourcesOf } from '@platform/platform';
import { SEALED_SECRETS_CHART, type PinnedChart } from '../charts.js';
import { controllerNamespace } from '../namespace.js';

/** The controller's name and namespace: what `kubeseal --controller-name/--controller-namespace` take. */
export const SEALED_SECRETS_CONTROLLER = 'sealed-secrets-controller';
export const SEALED_SECRETS_NAMESPACE = 'sealed-secrets';

export interface SealedSecretsArgs {
  /** @default SEALED_SECRETS_NAMESPACE */
  readonly namespace?: string;
  /** @default SEALED_SECRETS_CHART */
  readonly chart?: PinnedChart;
}

/** The chart values: a stable controller name (kubeseal finds it by name) and sized resources. */
export function sealedSecretsValues(): Record<string, unknown> {
  return {
    fullnameOverride: SEALED_SECRETS_CONTROLLER,
    resources: resourcesOf('sealedSecretsController'),
  };
}

/**
 * The Sealed Secrets controller: workloads keep SealedSecrets (encrypted with its public key) in
 * git, and it turns them into Secrets in the cluster. Its CRD must exist before Argo CD syncs a
 * SealedSecret, so the GitOps wiring depends on `release`.
 */
export class SealedSecrets extends pulumi.ComponentResource {
  public readonly namespace: pulumi.Output<string>;
  public readonly release: k8s.helm.v3.Release;

  constructor(name: string, args: SealedSecretsArgs, opts?: pulumi.ComponentResourceOptions) {
    super('platform:gitops:SealedSecrets', name, {}, opts);
    const chart = args.chart ?? SEALED_SECRETS_CHART;
    // Protected: the controller's sealing keys live in this namespace, and every SealedSecret in
    // git is encrypted to them. Deleting it (or the release) needs `pulumi state unprotect` first;
    // back the keys up anyway (README, "Backing up the sealing keys").
    const namespace = controllerNamespace(
      `${name}-namespace`,
      args.namespace ?? SEALED_SECRETS_NAMESPACE,
      { parent: this, protect: true },
    );
    this.namespace = namespace.metadata.name;
    this.release = new k8s.helm.v3.Release(
      `${name}-release`,
      {
        name: 'sealed-secrets',
        namespace: this.namespace,
        chart: chart.chart,
        version: chart.version,
        repositoryOpts: { repo: chart.repo },
        values: sealedSecretsValues(),
        atomic: true,
        cleanupOnFail: true,
        timeout: 300,
        maxHistory: 10,
      },
      { parent: this, protect: true },
    );
    this.registerOutputs({ namespace: this.namespace, releaseStatus: this.release.status });
  }
}
