import {
  workspaceEnvironments,
  workspaceRepository,
  type Environment,
  type WorkspaceRepository,
} from '@platform/environments';
import type { RawStackConfig } from '@platform/infra-stack-kit';
import { ARGO_CD_CHART, platformPath } from '@platform/platform';
import * as pulumi from '@pulumi/pulumi';
import { ArgoCd } from './argocd/argocd.js';
import { connectCluster } from './cluster/kubernetes-provider.js';
import { parseBootstrapConfig } from './config/parse-bootstrap-config.js';
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
  /** The directory the root Application syncs: `manifests/<env>/_platform`. */
  readonly platformPath: string;
  readonly argocdNamespace: pulumi.Output<string>;
  /** The version first installed; git's `argocd` Application upgrades it from then on. */
  readonly argocdChartVersion: string;
  readonly sealedSecretsNamespace: pulumi.Output<string>;
  /** The root Application, `platform`, in the Argo CD namespace. */
  readonly rootApplication: string;
  readonly portForward: pulumi.Output<string>;
}

/**
 * The whole program: validate config (throwing before any resource exists), connect to the
 * cluster, install Argo CD once with its Secrets, keep the Sealed Secrets namespace, then create
 * the root Application over `manifests/<environment>/_platform/`. After one `up`, everything
 * else in the cluster, Argo CD included, comes from git. Nothing here reads the apps: adding one
 * changes no resource of this program.
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
  const argocd = new ArgoCd(
    'argocd',
    { environment: config.environment, secrets: config.argocdSecrets, repo: config.repo },
    opts,
  );
  const root = new PlatformRoot(
    'platform',
    {
      environment,
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

  return {
    environment,
    cluster: cluster.source,
    platformPath: platformPath(environment),
    argocdNamespace: argocd.namespace,
    argocdChartVersion: ARGO_CD_CHART.version,
    sealedSecretsNamespace: sealedSecrets.namespace,
    rootApplication: root.applicationName,
    portForward: pulumi.interpolate`kubectl --namespace ${argocd.namespace} port-forward svc/argocd-server 8080:443`,
  };
}
