import {
  FLUX_CHART,
  FLUX_COMMIT_STATUS_SECRET,
  FLUX_NAMESPACE,
  fluxValues,
  type PinnedChart,
} from '@platform/platform';
import * as k8s from '@pulumi/kubernetes';
import * as pulumi from '@pulumi/pulumi';
import type { ClusterAccess, FluxSettings, RepoSettings } from '../config/bootstrap-config.js';
import { controllerNamespace } from '../namespace.js';
import {
  FLUX_REPOSITORY_SECRET,
  fluxRepositorySecretData,
  gitRepositoryManifest,
  rootKustomizationManifest,
} from './flux-sync.js';

export interface FluxArgs {
  readonly environment: string;
  readonly cluster: ClusterAccess['kind'];
  readonly repo: RepoSettings;
  readonly settings: FluxSettings;
  /** @default FLUX_CHART */
  readonly chart?: PinnedChart;
}

/**
 * Flux, in an environment whose engine is Flux: the flux2 chart at its pin, the repository's
 * credentials and the commit-status token as Secrets, then the GitRepository of this
 * repository and the root Kustomization, which hands everything else over to git. Unlike Argo
 * CD, Flux is upgraded by this program (a bump of FLUX_CHART, applied by `pulumi up` from main),
 * never by itself from git: helm-controller upgrading its own release could leave no
 * controller to finish the upgrade.
 */
export class Flux extends pulumi.ComponentResource {
  public readonly namespace: pulumi.Output<string>;
  public readonly release: k8s.helm.v3.Release;
  /** The root Kustomization's name. */
  public readonly rootName: string;

  constructor(name: string, args: FluxArgs, opts?: pulumi.ComponentResourceOptions) {
    super('platform:gitops:Flux', name, {}, opts);
    const chart = args.chart ?? FLUX_CHART;
    // Protected and retained, as Argo CD's: every Kustomization and HelmRelease lives in it.
    const namespace = controllerNamespace(`${name}-namespace`, FLUX_NAMESPACE, {
      parent: this,
      protect: true,
      retainOnDelete: true,
    });
    this.namespace = namespace.metadata.name;
    const secret = (resourceName: string, secretName: string, stringData: object) =>
      new k8s.core.v1.Secret(
        `${name}-${resourceName}`,
        {
          metadata: { name: secretName, namespace: this.namespace },
          type: 'Opaque',
          stringData: stringData as Record<string, pulumi.Input<string>>,
        },
        { parent: this },
      );
    const credentials = fluxRepositorySecretData(
      args.repo,
      args.settings.knownHosts,
      (value) => value,
    );
    const secrets = [
      ...(credentials ? [secret('repository', FLUX_REPOSITORY_SECRET, credentials)] : []),
      ...(args.settings.commitStatusToken
        ? [
            secret('commit-status', FLUX_COMMIT_STATUS_SECRET, {
              token: args.settings.commitStatusToken,
            }),
          ]
        : []),
    ];

    this.release = new k8s.helm.v3.Release(
      `${name}-release`,
      {
        name: 'flux',
        namespace: this.namespace,
        chart: chart.chart,
        version: chart.version,
        repositoryOpts: { repo: chart.repo },
        values: fluxValues(),
        atomic: true,
        cleanupOnFail: true,
        timeout: 600,
        maxHistory: 10,
      },
      // Removing this program must never uninstall Flux and with it every Kustomization.
      { parent: this, retainOnDelete: true },
    );

    const after = { parent: this, dependsOn: [this.release, ...secrets] };
    new k8s.apiextensions.CustomResource(
      `${name}-git-repository`,
      gitRepositoryManifest(args.repo),
      after,
    );
    const root = rootKustomizationManifest(args.environment, args.cluster);
    this.rootName = root.metadata?.name ?? '';
    new k8s.apiextensions.CustomResource(`${name}-root`, root, after);
    this.registerOutputs({ namespace: this.namespace, root: this.rootName });
  }
}
