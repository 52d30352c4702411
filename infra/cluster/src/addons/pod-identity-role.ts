import type { AddonIdentity } from '@platform/platform';
import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import type { PolicyDocument } from '../ci/policy-document.js';
import { podIdentityTrustPolicy } from './pod-identity-trust.js';

export interface PodIdentityRoleArgs {
  /** The role's physical name: `<prefix>-addon-<service account>` (the boundary keys on it). */
  readonly roleName: string;
  readonly description: string;
  /** The one service account, in its namespace, whose pods get the role. */
  readonly identity: AddonIdentity;
  readonly clusterName: pulumi.Input<string>;
  /** The cluster's ARN: the trust requires the session tag `eks-cluster-arn` to equal it. */
  readonly clusterArn: string;
  /** The role's only permissions, as one inline policy. */
  readonly policy: pulumi.Input<PolicyDocument>;
  /** The managed-role boundary every role the deploy role manages carries. */
  readonly permissionsBoundaryArn: pulumi.Input<string>;
  /** What the association waits for: the cluster it is created in. @default none */
  readonly clusterResources?: readonly pulumi.Resource[];
}

/**
 * An IAM role one add-on's pods use through EKS Pod Identity: trusted by Pod Identity for that
 * service account only, capped by the managed-role boundary, with one least-privilege inline
 * policy, and the association that hands it to the service account's pods.
 */
export class PodIdentityRole extends pulumi.ComponentResource {
  public readonly roleArn: pulumi.Output<string>;
  public readonly associationId: pulumi.Output<string>;

  constructor(name: string, args: PodIdentityRoleArgs, opts?: pulumi.ComponentResourceOptions) {
    super('platform:addons:PodIdentityRole', name, {}, opts);
    const role = new aws.iam.Role(
      `${name}-role`,
      {
        name: args.roleName,
        description: args.description,
        assumeRolePolicy: JSON.stringify(podIdentityTrustPolicy(args.identity, args.clusterArn)),
        permissionsBoundary: args.permissionsBoundaryArn,
      },
      { parent: this },
    );
    const policy = new aws.iam.RolePolicy(
      `${name}-policy`,
      {
        role: role.name,
        name: 'dns',
        policy: pulumi.output(args.policy).apply((document) => JSON.stringify(document)),
      },
      { parent: this },
    );
    const association = new aws.eks.PodIdentityAssociation(
      `${name}-association`,
      {
        clusterName: args.clusterName,
        namespace: args.identity.namespace,
        serviceAccount: args.identity.serviceAccount,
        roleArn: role.arn,
      },
      // After the policy, so that pods never hold credentials the policy does not yet allow.
      { parent: this, dependsOn: [policy, ...(args.clusterResources ?? [])] },
    );
    this.roleArn = role.arn;
    this.associationId = association.associationId;
    this.registerOutputs({ roleArn: this.roleArn, associationId: this.associationId });
  }
}
