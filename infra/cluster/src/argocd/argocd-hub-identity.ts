import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import { podIdentityTrust } from '../addons/pod-identity-trust.js';

/** The namespace infra/bootstrap installs Argo CD in (libs/platform's ARGOCD_NAMESPACE). */
export const ARGOCD_NAMESPACE = 'argocd';

/**
 * The Argo CD components that connect to remote clusters, by their service accounts (the chart's
 * release `argocd`): Argo CD's docs list exactly these three as the ones that must get the
 * "management role" on EKS (argoproj/argo-cd, docs/operator-manual/declarative-setup.md,
 * "EKS" → "Argo CD Management Role"): the application controller syncs, the ApplicationSet
 * controller renders cluster generators, the server shows live state and runs actions.
 */
export const ARGOCD_REMOTE_CLUSTER_SERVICE_ACCOUNTS = [
  'argocd-application-controller',
  'argocd-applicationset-controller',
  'argocd-server',
] as const;

/** The hub's Argo CD role: `<prefix>-argocd-hub` (the deploy role's statements name it). */
export function argocdHubRoleName(namePrefix: string): string {
  return `${namePrefix}-argocd-hub`;
}

export interface ArgocdHubIdentityArgs {
  readonly namePrefix: string;
  readonly accountId: string;
  readonly clusterName: pulumi.Input<string>;
  /** The hub cluster's ARN: the trust requires the session tag `eks-cluster-arn` to equal it. */
  readonly clusterArn: string;
  /** The managed-role boundary every role the deploy role manages carries. */
  readonly permissionsBoundaryArn: pulumi.Input<string>;
  /** What the associations wait for (the cluster). @default none */
  readonly clusterResources?: readonly pulumi.Resource[];
}

/**
 * The identity the hub's Argo CD reaches its workload clusters with: one IAM role, trusted by
 * EKS Pod Identity for the three Argo CD service accounts on this cluster only, and the Pod
 * Identity associations that hand it to them. The role has no permissions policy:
 * argocd-k8s-auth presigns sts:GetCallerIdentity with the pod's own credentials when the
 * cluster Secret's `awsAuthConfig` has no `roleARN` (argoproj/argo-cd,
 * cmd/argocd-k8s-auth/commands/aws.go), and that call needs no permission; what the role may
 * do on a workload cluster is that cluster's access entry for it (its stack declares it). So
 * the Secrets name no `roleARN`: assuming this role again would need a permission it never has.
 */
export class ArgocdHubIdentity extends pulumi.ComponentResource {
  public readonly roleArn: pulumi.Output<string>;

  constructor(name: string, args: ArgocdHubIdentityArgs, opts?: pulumi.ComponentResourceOptions) {
    super('platform:argocd:ArgocdHubIdentity', name, {}, opts);
    const role = new aws.iam.Role(
      `${name}-role`,
      {
        name: argocdHubRoleName(args.namePrefix),
        description: `${ARGOCD_NAMESPACE}/${ARGOCD_REMOTE_CLUSTER_SERVICE_ACCOUNTS.join(', ')} (EKS Pod Identity): Argo CD's access to the workload clusters`,
        assumeRolePolicy: JSON.stringify(
          podIdentityTrust({
            namespace: ARGOCD_NAMESPACE,
            serviceAccounts: ARGOCD_REMOTE_CLUSTER_SERVICE_ACCOUNTS,
            clusterArn: args.clusterArn,
            sourceAccount: args.accountId,
          }),
        ),
        permissionsBoundary: args.permissionsBoundaryArn,
      },
      { parent: this },
    );
    for (const serviceAccount of ARGOCD_REMOTE_CLUSTER_SERVICE_ACCOUNTS) {
      new aws.eks.PodIdentityAssociation(
        `${name}-${serviceAccount}`,
        {
          clusterName: args.clusterName,
          namespace: ARGOCD_NAMESPACE,
          serviceAccount,
          roleArn: role.arn,
        },
        { parent: this, dependsOn: [...(args.clusterResources ?? [])] },
      );
    }
    this.roleArn = role.arn;
    this.registerOutputs({ roleArn: this.roleArn });
  }
}
