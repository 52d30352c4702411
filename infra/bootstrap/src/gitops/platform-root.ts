import * as k8s from '@pulumi/kubernetes';
import * as pulumi from '@pulumi/pulumi';
import {
  rootApplicationManifest,
  rootProjectManifest,
  type RootApplicationProps,
} from './root-application.js';

export interface PlatformRootArgs extends RootApplicationProps {
  /** The Argo CD namespace (an Output, so the namespace exists first). */
  readonly argocdNamespace: pulumi.Input<string>;
  /**
   * What must be ready first: the Argo CD release (its CRDs and controllers), argocd-secret and
   * the repository credentials. Explicit, so the first `up` never races the CRDs.
   */
  readonly waitFor: readonly pulumi.Resource[];
}

/** The root AppProject and Application: the last thing Pulumi creates; git does the rest. */
export class PlatformRoot extends pulumi.ComponentResource {
  public readonly project: k8s.apiextensions.CustomResource;
  public readonly application: k8s.apiextensions.CustomResource;
  /** The Application's name, for the stack outputs. */
  public readonly applicationName: string;

  constructor(name: string, args: PlatformRootArgs, opts?: pulumi.ComponentResourceOptions) {
    super('platform:gitops:PlatformRoot', name, {}, opts);
    const inArgoCd = <T extends { metadata: object }>(manifest: T) => ({
      ...manifest,
      metadata: { ...manifest.metadata, namespace: args.argocdNamespace },
    });
    this.project = new k8s.apiextensions.CustomResource(
      `${name}-project`,
      inArgoCd(rootProjectManifest(args.repoUrl)),
      { parent: this, dependsOn: [...args.waitFor] },
    );
    const application = rootApplicationManifest(args);
    this.applicationName = application.metadata.name;
    this.application = new k8s.apiextensions.CustomResource(
      `${name}-application`,
      inArgoCd(application),
      { parent: this, dependsOn: [...args.waitFor, this.project] },
    );
    this.registerOutputs({ application: this.applicationName });
  }
}
