import type { Environment } from '@platform/environments';
import { ARGO_CD_CHART, argoCdValues, type PinnedChart } from '@platform/platform';
import * as k8s from '@pulumi/kubernetes';
import * as pulumi from '@pulumi/pulumi';
import type { ArgoCdSecrets, RepoSettings, SecretValue } from '../config/bootstrap-config.js';
import { controllerNamespace } from '../namespace.js';
import { ARGOCD_SECRET_LABELS, ARGOCD_SECRET_NAME, argoCdSecretData } from './argocd-secret.js';
import {
  REPOSITORY_SECRET_LABEL,
  REPOSITORY_SECRET_NAME,
  repositorySecretData,
} from './repository-secret.js';

export interface ArgoCdArgs {
  /** Argo CD's values come from its data: `argoCdValues(environment)`. */
  readonly environment: Environment;
  /** The stack's secrets that go into argocd-secret. */
  readonly secrets: ArgoCdSecrets;
  /** The repository Argo CD pulls; its credentials become the repository Secret. */
  readonly repo: RepoSettings;
  /** @default 'argocd' */
  readonly namespace?: string;
  /**
   * The Helm release name, prefix of every Argo CD object. The self-managed Application in git
   * uses the same one, so it adopts these objects instead of creating a second set.
   * @default 'argocd'
   */
  readonly releaseName?: string;
  /** @default ARGO_CD_CHART */
  readonly chart?: PinnedChart;
}

/** Config secrets are Pulumi secrets already (requireSecret): they enter the inputs as they are. */
const asPulumiSecret = (value: SecretValue): pulumi.Output<string> => value;

/**
 * Argo CD's first install, from the pinned chart with the environment's values, plus the two
 * Secrets git cannot hold: argocd-secret and the repository Secret. After this install the
 * `argocd` Application in `manifests/<env>/_platform/` owns Argo CD (README, "Argo CD manages
 * itself"). `release` is what the root Application depends on: the chart installs the CRDs,
 * and the release is ready only once they and the controllers are.
 */
export class ArgoCd extends pulumi.ComponentResource {
  public readonly namespace: pulumi.Output<string>;
  public readonly release: k8s.helm.v3.Release;
  public readonly argocdSecret: k8s.core.v1.Secret;
  /** Absent for a public repository. */
  public readonly repositorySecret: k8s.core.v1.Secret | undefined;

  constructor(name: string, args: ArgoCdArgs, opts?: pulumi.ComponentResourceOptions) {
    super('platform:gitops:ArgoCd', name, {}, opts);
    const chart = args.chart ?? ARGO_CD_CHART;
    // Protected and retained: deleting it would delete every Application, AppProject and
    // Secret Argo CD holds, and with the Applications' finalizers the apps themselves.
    const namespace = controllerNamespace(`${name}-namespace`, args.namespace ?? 'argocd', {
      parent: this,
      protect: true,
      retainOnDelete: true,
    });
    this.namespace = namespace.metadata.name;

    // The chart's createSecret is false, so it must exist before Argo CD starts. The provider
    // applies server-side: Pulumi owns only the keys it sets, and leaves `server.secretkey`,
    // which Argo CD writes into the same Secret on its first start, alone.
    this.argocdSecret = new k8s.core.v1.Secret(
      `${name}-secret`,
      {
        metadata: {
          name: ARGOCD_SECRET_NAME,
          namespace: this.namespace,
          labels: { ...ARGOCD_SECRET_LABELS },
          // A cluster bootstrapped before git owned Argo CD has this Secret from the chart:
          // take over the keys set here instead of failing on Helm's field ownership.
          annotations: { 'pulumi.com/patchForce': 'true' },
        },
        type: 'Opaque',
        stringData: argoCdSecretData(args.secrets, asPulumiSecret),
      },
      // Retained: Argo CD keeps its server key (every session's signature) in it, beside the
      // webhook and SSO secrets; removing it from this program must not log everyone out.
      { parent: this, retainOnDelete: true },
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

    this.release = new k8s.helm.v3.Release(
      `${name}-release`,
      {
        name: args.releaseName ?? 'argocd',
        namespace: this.namespace,
        chart: chart.chart,
        version: chart.version,
        repositoryOpts: { repo: chart.repo },
        values: argoCdValues(args.environment),
        // A failed first install is rolled back instead of leaving Argo CD half installed.
        atomic: true,
        cleanupOnFail: true,
        timeout: 600,
        maxHistory: 10,
      },
      {
        parent: this,
        dependsOn: [this.argocdSecret],
        // Git owns Argo CD after this first install (the self-managed `argocd` Application, same
        // chart, release name and values). A bump of the pin, or of the environment's settings,
        // must not make Pulumi helm-upgrade over Argo CD's own sync, so every input that could
        // change is ignored; and removing this resource (or the program) must never
        // `helm uninstall` Argo CD and with it every Application.
        ignoreChanges: ['chart', 'version', 'values', 'repositoryOpts'],
        retainOnDelete: true,
      },
    );

    this.registerOutputs({ namespace: this.namespace, releaseStatus: this.release.status });
  }
}
