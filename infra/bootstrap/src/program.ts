import { reservedNamespaces, workspaceEnvironments } from '@platform/environments';
import type { RawStackConfig } from '@platform/infra-stack-kit';
import * as pulumi from '@pulumi/pulumi';
import { ArgoCd } from './argocd/argocd.js';
import { ARGO_CD_CHART, SEALED_SECRETS_CHART } from './charts.js';
import { connectCluster } from './cluster/kubernetes-provider.js';
import { parseBootstrapConfig } from './config/parse-bootstrap-config.js';
import { environmentDirectory } from './gitops/application-set.js';
import { EnvironmentGitOps } from './gitops/environment-gitops.js';
import { SealedSecrets } from './sealed-secrets/sealed-secrets.js';

export interface BootstrapInput {
  /** The stack's values as the CLI hands them over (readStackConfig). */
  readonly raw: RawStackConfig;
  /** The Pulumi stack: `staging`, `production` or `local`. */
  readonly stack: string;
}

/** The stack outputs: what was installed, and how to reach it. No secret is among them. */
export interface BootstrapOutputs {
  readonly environment: string;
  readonly cluster: string;
  readonly manifestsPath: string;
  readonly argocdNamespace: pulumi.Output<string>;
  readonly argocdChartVersion: string;
  readonly sealedSecretsNamespace: pulumi.Output<string>;
  readonly sealedSecretsChartVersion: string;
  readonly appProject: string;
  readonly applicationSet: string;
  readonly portForward: pulumi.Output<string>;
}

/**
 * The whole program: validate config (throwing before any resource exists), connect to the
 * cluster, install Sealed Secrets and Argo CD, then point Argo CD at `manifests/<environment>/`.
 * After one `up`, everything else in the cluster comes from git.
 */
export function bootstrap(input: BootstrapInput): BootstrapOutputs {
  const { config, warnings } = parseBootstrapConfig(input.raw, input.stack);
  for (const warning of warnings) void pulumi.log.warn(warning);

  const cluster = connectCluster('cluster', config.cluster);
  const opts = { provider: cluster.provider };

  const sealedSecrets = new SealedSecrets('sealed-secrets', {}, opts);
  const argocd = new ArgoCd('argocd', { settings: config.argocd, repo: config.repo }, opts);
  const gitops = new EnvironmentGitOps(
    config.environment,
    {
      environment: config.environment,
      argocdNamespace: argocd.namespace,
      repoUrl: config.repo.url,
      revision: config.repo.revision,
      reservedNamespaces: reservedNamespaces(workspaceEnvironments),
      waitFor: [
        argocd.release,
        sealedSecrets.release,
        ...(argocd.repositorySecret ? [argocd.repositorySecret] : []),
      ],
    },
    opts,
  );

  return {
    environment: config.environment,
    cluster: cluster.source,
    manifestsPath: environmentDirectory(config.environment),
    argocdNamespace: argocd.namespace,
    argocdChartVersion: ARGO_CD_CHART.version,
    sealedSecretsNamespace: sealedSecrets.namespace,
    sealedSecretsChartVersion: SEALED_SECRETS_CHART.version,
    appProject: gitops.appProjectName,
    applicationSet: gitops.applicationSetName,
    portForward: pulumi.interpolate`kubectl --namespace ${argocd.namespace} port-forward svc/argocd-server 8080:443`,
  };
}
