import {
  engineOf,
  workspaceEnvironments,
  workspaceRepository,
  type Environment,
  type WorkspaceRepository,
} from '@platform/environments';
import type { RawStackConfig } from '@platform/infra-stack-kit';
import { ARGO_CD_CHART, FLUX_CHART, platformPath } from '@platform/platform';
import * as pulumi from '@pulumi/pulumi';
import { ArgoCd } from './argocd/argocd.js';
import { WorkloadClusters } from './argocd/workload-clusters.js';
import { connectCluster } from './cluster/kubernetes-provider.js';
import type { BootstrapConfig } from './config/bootstrap-config.js';
import { parseBootstrapConfig } from './config/parse-bootstrap-config.js';
import { Flux } from './flux/flux.js';
import { PlatformRoot } from './gitops/platform-root.js';
import { SealedSecrets } from './sealed-secrets/sealed-secrets.js';

export interface BootstrapInput {
  /** The stack's values as the CLI hands them over (readStackConfig). */
  readonly raw: RawStackConfig;
  /** The Pulumi stack: `staging`, `production` or `local`. */
  readonly stack: string;
  /** The environments a stack may bootstrap. @default workspaceEnvironments */
  readonly environments?: readonly Environment[];
  /** The repository Argo CD deploys from (URL and revision). @default workspaceRepository */
  readonly repository?: WorkspaceRepository;
}

/** The stack outputs: what was installed, and how to reach it. No secret is among them. */
export interface BootstrapOutputs {
  readonly environment: string;
  readonly cluster: string;
  /** The directory the root object syncs: `manifests/<env>/_platform`. */
  readonly platformPath: string;
  /** The environment's GitOps engine: `argocd` or `flux`. */
  readonly engine: string;
  /** Where the engine runs: `argocd` or `flux-system`. */
  readonly engineNamespace: pulumi.Output<string>;
  /** The chart version installed (Argo CD's first install, which git upgrades from then on; Flux's, which this program upgrades). */
  readonly engineChartVersion: string;
  readonly sealedSecretsNamespace: pulumi.Output<string>;
  /** The root object, `platform`: an Application (Argo CD) or a Kustomization (Flux). */
  readonly root: string;
  /** A command that shows the engine: Argo CD's UI through a port-forward, or Flux's Kustomizations. */
  readonly inspect: pulumi.Output<string>;
  /** The workload clusters registered in the hub's Argo CD, as it names them: none for one cluster. */
  readonly workloadClusters: readonly string[];
}

/**
 * The whole program: validate config (throwing before any resource exists), connect to the
 * cluster, keep the Sealed Secrets namespace, and install the environment's GitOps engine with
 * the Secrets git cannot hold and one root object over `manifests/<environment>/_platform/`:
 * Argo CD (installed once; it then manages itself from git) and its root Application, or Flux
 * and its GitRepository and root Kustomization. After one `up`, everything else in the cluster
 * comes from git. Nothing here reads the apps: adding one changes no resource of this program.
 * In a hub-and-spoke environment the cluster is the hub, and its Argo CD gets a cluster Secret
 * for each workload cluster.
 */
export function bootstrap(input: BootstrapInput): BootstrapOutputs {
  const { config, warnings } = parseBootstrapConfig(
    input.raw,
    input.stack,
    input.environments ?? workspaceEnvironments,
    input.repository ?? workspaceRepository,
  );
  for (const warning of warnings) void pulumi.log.warn(warning);

  const cluster = connectCluster('cluster', config.cluster);
  const opts = { provider: cluster.provider };
  const environment = config.environment.name;
  const sealedSecrets = new SealedSecrets('sealed-secrets', opts);
  const common = {
    environment,
    cluster: cluster.source,
    platformPath: platformPath(environment),
    sealedSecretsNamespace: sealedSecrets.namespace,
  };
  return engineOf(config.environment) === 'flux'
    ? { ...common, ...installFlux(config, opts) }
    : { ...common, ...installArgoCd(config, opts) };
}

type EngineOutputs = Pick<
  BootstrapOutputs,
  'engine' | 'engineNamespace' | 'engineChartVersion' | 'root' | 'inspect' | 'workloadClusters'
>;

function installArgoCd(
  config: BootstrapConfig,
  opts: pulumi.ComponentResourceOptions,
): EngineOutputs {
  const argocd = new ArgoCd(
    'argocd',
    { environment: config.environment, secrets: config.argocdSecrets, repo: config.repo },
    opts,
  );
  const root = new PlatformRoot(
    'platform',
    {
      environment: config.environment.name,
      repoUrl: config.repo.url,
      revision: config.repo.revision,
      cluster: config.cluster.kind,
      argocdNamespace: argocd.namespace,
      waitFor: [
        argocd.release,
        argocd.argocdSecret,
        ...(argocd.repositorySecret ? [argocd.repositorySecret] : []),
      ],
    },
    opts,
  );
  // Only in a hub-and-spoke environment: a single cluster's stack gains no resource.
  const workloads =
    config.workloadClusters.length > 0
      ? new WorkloadClusters(
          'workload-clusters',
          {
            environment: config.environment.name,
            clusters: config.workloadClusters,
            argocdNamespace: argocd.namespace,
            waitFor: [argocd.release],
          },
          opts,
        )
      : undefined;
  return {
    engine: 'argocd',
    engineNamespace: argocd.namespace,
    engineChartVersion: ARGO_CD_CHART.version,
    root: root.applicationName,
    inspect: pulumi.interpolate`kubectl --namespace ${argocd.namespace} port-forward svc/argocd-server 8080:443`,
    workloadClusters: workloads?.names ?? [],
  };
}

function installFlux(
  config: BootstrapConfig,
  opts: pulumi.ComponentResourceOptions,
): EngineOutputs {
  const flux = new Flux(
    'flux',
    {
      environment: config.environment.name,
      cluster: config.cluster.kind,
      repo: config.repo,
      settings: config.flux,
    },
    opts,
  );
  return {
    engine: 'flux',
    engineNamespace: flux.namespace,
    engineChartVersion: FLUX_CHART.version,
    root: flux.rootName,
    inspect: pulumi.interpolate`kubectl --namespace ${flux.namespace} get kustomizations,helmreleases`,
    // libs/environments refuses clusters on Flux, which runs in each cluster it syncs.
    workloadClusters: [],
  };
}
