import * as k8s from '@pulumi/kubernetes';
import * as pulumi from '@pulumi/pulumi';
import { ARGO_CD_CHART, type PinnedChart } from '../charts.js';
import type { ArgoCdSettings, RepoSettings } from '../config/bootstrap-config.js';
import type { SecretValue } from '../config/bootstrap-config.js';
import { controllerNamespace } from '../namespace.js';
import { argoCdValues } from './argocd-values.js';
import {
  REPOSITORY_SECRET_LABEL,
  REPOSITORY_SECRET_NAME,
  repositorySecretData,
} from './repository-secret.js';

export interface ArgoCdArgs {
  readonly settings: ArgoCdSettings;
  /** The repository Argo CD pulls; its credentials become the repository Secret. */
  readonly repo: RepoSettings;
  /** @default 'argocd' */
  readonly namespace?: string;
  /** The Helm release name, prefix of every Argo CD object. @default 'argocd' */
  readonly releaseName?: string;
  /** @default ARGO_CD_CHART */
  readonly chart?: PinnedChart;
}

/** Config secrets are Pulumi secrets already (requireSecret): they enter the inputs as they are. */
const asPulumiSecret = (value: SecretValue): pulumi.Output<string> => value;

/**
 * Argo CD from its official chart, in its own namespace, plus the repository Secret it clones
 * with. `release` is what resources that need Argo CD's CRDs depend on: the chart installs them,
 * and the release is ready only once they and the controllers are.
 */
export class ArgoCd extends pulumi.ComponentResource {
  public readonly namespace: pulumi.Output<string>;
  public readonly release: k8s.helm.v3.Release;
  /** Absent for a public repository. */
  public readonly repositorySecret: k8s.core.v1.Secret | undefined;

  constructor(name: string, args: ArgoCdArgs, opts?: pulumi.ComponentResourceOptions) {
    super('platform:gitops:ArgoCd', name, {}, opts);
    const chart = args.chart ?? ARGO_CD_CHART;
    const namespace = controllerNamespace(`${name}-namespace`, args.namespace ?? 'argocd', {
      parent: this,
    });
    this.namespace = namespace.metadata.name;

    this.release = new k8s.helm.v3.Release(
      `${name}-release`,
      {
        name: args.releaseName ?? 'argocd',
        namespace: this.namespace,
        chart: chart.chart,
        version: chart.version,
        repositoryOpts: { repo: chart.repo },
        values: argoCdValues(args.settings, asPulumiSecret),
        // Roll back a failed upgrade instead of leaving Argo CD half upgraded.
        atomic: true,
        cleanupOnFail: true,
        timeout: 600,
        maxHistory: 10,
      },
      { parent: this },
    );

    const stringData = repositorySecretData(args.repo, asPulumiSecret);
    this.repositorySecret = stringData
      ? new k8s.core.v1.Secret(
          `${name}-repository`,
          {
            metadata: {
              name: REPOSITORY_SECRET_NAME,
              namespace: this.namespace,
              labels: { ...REPOSITORY_SECRET_LABEL },
            },
            type: 'Opaque',
            stringData,
          },
          { parent: this },
        )
      : undefined;

    this.registerOutputs({ namespace: this.namespace, releaseStatus: this.release.status });
  }
}
