import * as pulumi from '@pulumi/pulumi';
import { controllerNamespace } from '../namespace.js';

/** The controller's namespace: what `kubeseal --controller-namespace` takes. */
export const SEALED_SECRETS_NAMESPACE = 'sealed-secrets';

/**
 * The Sealed Secrets namespace. The controller itself now comes from git
 * (`manifests/<env>/_platform/`), but its namespace stays here, created before git runs and
 * protected: the controller's sealing keys live in it, and every SealedSecret in git is
 * encrypted to them. Deleting it needs `pulumi state unprotect` first; back the keys up anyway
 * (README, "Backing up the sealing keys"). Still a component of the same name and type as
 * before, so the namespace keeps its URN and no `up` ever replaces it.
 */
export class SealedSecrets extends pulumi.ComponentResource {
  public readonly namespace: pulumi.Output<string>;

  constructor(name: string, opts?: pulumi.ComponentResourceOptions) {
    super('platform:gitops:SealedSecrets', name, {}, opts);
    const namespace = controllerNamespace(`${name}-namespace`, SEALED_SECRETS_NAMESPACE, {
      parent: this,
      protect: true,
      retainOnDelete: true,
    });
    this.namespace = namespace.metadata.name;
    this.registerOutputs({ namespace: this.namespace });
  }
}
