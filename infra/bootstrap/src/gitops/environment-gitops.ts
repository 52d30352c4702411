import * as k8s from '@pulumi/kubernetes';
import * as pulumi from '@pulumi/pulumi';
import { appProjectManifest } from './app-project.js';
import { applicationSetManifest } from './application-set.js';

export interface EnvironmentGitOpsArgs {
  /** The environment: `manifests/<environment>/` and the AppProject's name. */
  readonly environment: string;
  /** The Argo CD namespace (an Output, so the namespace exists first). */
  readonly argocdNamespace: pulumi.Input<string>;
  readonly repoUrl: string;
  readonly revision: string;
  /** The platform's namespaces, which no app may deploy into. */
  readonly reservedNamespaces: readonly string[];
  /**
   * What must be ready before anything here is created: the Argo CD release (its CRDs), the
   * controllers the workloads need (Sealed Secrets), the repository credentials. Explicit, so
   * the first `up` never races the CRDs and no sleep is needed.
   */
  readonly waitFor: readonly pulumi.Resource[];
}

/** One environment's GitOps wiring: its AppProject and the ApplicationSet over its directory. */
export class EnvironmentGitOps extends pulumi.ComponentResource {
  public readonly appProject: k8s.apiextensions.CustomResource;
  public readonly applicationSet: k8s.apiextensions.CustomResource;
  public readonly appProjectName: string;
  public readonly applicationSetName: string;

  constructor(name: string, args: EnvironmentGitOpsArgs, opts?: pulumi.ComponentResourceOptions) {
    super('platform:gitops:Environment', name, {}, opts);
    const withNamespace = <T extends { metadata: object }>(manifest: T) => ({
      ...manifest,
      metadata: { ...manifest.metadata, namespace: args.argocdNamespace },
    });

    const project = appProjectManifest({
      environment: args.environment,
      repoUrl: args.repoUrl,
      reservedNamespaces: args.reservedNamespaces,
    });
    this.appProjectName = project.metadata.name;
    this.appProject = new k8s.apiextensions.CustomResource(
      `${name}-project`,
      withNamespace(project),
      {
        parent: this,
        dependsOn: [...args.waitFor],
      },
    );

    const applicationSet = applicationSetManifest({
      environment: args.environment,
      project: this.appProjectName,
      repoUrl: args.repoUrl,
      revision: args.revision,
    });
    this.applicationSetName = applicationSet.metadata.name;
    this.applicationSet = new k8s.apiextensions.CustomResource(
      `${name}-applications`,
      withNamespace(applicationSet),
      {
        parent: this,
        dependsOn: [...args.waitFor, this.appProject],
      },
    );

    this.registerOutputs({
      appProject: this.appProjectName,
      applicationSet: this.applicationSetName,
    });
  }
}
