import * as aws from '@pulumi/aws';
import * as eks from '@pulumi/eks';
import * as pulumi from '@pulumi/pulumi';
import { awsProviderOf } from '../aws-provider.js';
import { CONTROL_PLANE_LOG_TYPES } from '../config/cluster-config.js';
import { DRIFT_READERS_GROUP } from '@platform/platform';
import { adminAccessEntries, groupAccessEntries } from './access-entries.js';
import { workloadEndpointCidrs } from './endpoint-access.js';

export interface EksClusterArgs {
  /** The cluster's physical name (the subnets are tagged with it). */
  readonly clusterName: string;
  /** `1.<minor>`, in EKS standard support. */
  readonly kubernetesVersion: string;
  readonly vpcId: pulumi.Input<string>;
  /** The control plane's network interfaces go here (never in public subnets). */
  readonly privateSubnetIds: pulumi.Input<pulumi.Input<string>[]>;
  /** Who may reach the public API endpoint; empty turns it off. @default [] */
  readonly publicAccessCidrs?: readonly string[];
  /**
   * A workload cluster's: the public IPs of its hub's NAT gateways, which its Argo CD reaches
   * this API server from. Admitted as /32s besides `publicAccessCidrs`, so the public endpoint
   * is on even when those are empty (workloadEndpointCidrs). @default none: not a workload cluster
   */
  readonly hubEgressIps?: pulumi.Input<string[]>;
  /** Control-plane logs sent to CloudWatch. @default all five types */
  readonly logTypes?: readonly string[];
  /** How long CloudWatch keeps them. @default 90 */
  readonly logRetentionDays?: number;
  /** IAM principals given cluster-admin access entries, by entry key. @default {} */
  readonly admins?: Readonly<Record<string, pulumi.Input<string>>>;
  /**
   * IAM principals that may only read the GitOps engines' objects (the drift check's role), by
   * entry key: an access entry in the group DRIFT_READERS_GROUP, which git's RBAC binds. @default {}
   */
  readonly driftReaders?: Readonly<Record<string, pulumi.Input<string>>>;
  /** @default false */
  readonly deletionProtection?: boolean;
  /** @default 'aws' */
  readonly partition?: string;
  /** The boundary the cluster's service role carries (the deploy role manages only roles that carry it). */
  readonly permissionsBoundaryArn: pulumi.Input<string>;
}

/**
 * An EKS cluster (@pulumi/eks) with API authentication (access entries, no aws-auth
 * ConfigMap), a private endpoint, the public one limited to the given CIDRs (and, on a
 * workload cluster, its hub's NAT addresses), control-plane logs kept for a set time,
 * Kubernetes secrets envelope-encrypted with a rotating KMS key, an OIDC provider for workload
 * identity, and no default node group (see NodeGroup).
 */
export class EksCluster extends pulumi.ComponentResource {
  public readonly cluster: eks.Cluster;
  public readonly clusterName: pulumi.Output<string>;
  public readonly endpoint: pulumi.Output<string>;
  /** The API server's CA bundle, base64 (`certificateAuthority.data`). */
  public readonly certificateAuthority: pulumi.Output<string>;
  /** A kubeconfig (JSON) that authenticates with `aws eks get-token`; secret. */
  public readonly kubeconfig: pulumi.Output<string>;
  public readonly oidcProviderArn: pulumi.Output<string>;
  public readonly secretsKeyArn: pulumi.Output<string>;

  constructor(name: string, args: EksClusterArgs, opts?: pulumi.ComponentResourceOptions) {
    super('platform:cluster:EksCluster', name, {}, opts);
    const publicAccessCidrs = args.publicAccessCidrs ?? [];
    const { hubEgressIps } = args;
    const endpoint =
      hubEgressIps === undefined
        ? {
            public: publicAccessCidrs.length > 0,
            cidrs: publicAccessCidrs.length > 0 ? [...publicAccessCidrs] : undefined,
          }
        : {
            public: true,
            cidrs: pulumi
              .output(hubEgressIps)
              .apply((ips) => workloadEndpointCidrs(publicAccessCidrs, ips)),
          };

    const secretsKey = new aws.kms.Key(
      `${name}-secrets`,
      {
        description: `Envelope encryption of the Kubernetes secrets of EKS cluster ${args.clusterName}`,
        enableKeyRotation: true,
        deletionWindowInDays: 30,
      },
      { parent: this },
    );
    new aws.kms.Alias(
      `${name}-secrets`,
      { name: `alias/${args.clusterName}-eks-secrets`, targetKeyId: secretsKey.keyId },
      { parent: this },
    );
    // EKS writes to this group; declaring it first sets a retention instead of "never expire".
    const logGroup = new aws.cloudwatch.LogGroup(
      `${name}-control-plane`,
      {
        name: `/aws/eks/${args.clusterName}/cluster`,
        retentionInDays: args.logRetentionDays ?? 90,
      },
      { parent: this },
    );

    // Declared here, not left to @pulumi/eks, so that it carries the managed-role boundary.
    const serviceRole = new aws.iam.Role(
      `${name}-service-role`,
      {
        description: `The EKS service role of cluster ${args.clusterName}`,
        permissionsBoundary: args.permissionsBoundaryArn,
        assumeRolePolicy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: { Service: 'eks.amazonaws.com' },
              Action: ['sts:AssumeRole', 'sts:TagSession'],
            },
          ],
        }),
      },
      { parent: this },
    );
    const servicePolicy = new aws.iam.RolePolicyAttachment(
      `${name}-service-role-cluster-policy`,
      {
        role: serviceRole.name,
        policyArn: `arn:${args.partition ?? 'aws'}:iam::aws:policy/AmazonEKSClusterPolicy`,
      },
      { parent: this },
    );

    this.cluster = new eks.Cluster(
      `${name}-eks`,
      {
        name: args.clusterName,
        version: args.kubernetesVersion,
        // Standard support only: EKS upgrades the cluster rather than bill extended support.
        upgradePolicy: { supportType: 'STANDARD' },
        vpcId: args.vpcId,
        privateSubnetIds: args.privateSubnetIds,
        authenticationMode: eks.AuthenticationMode.Api,
        accessEntries: {
          ...adminAccessEntries(args.admins ?? {}, args.partition ?? 'aws'),
          ...groupAccessEntries(args.driftReaders ?? {}, [DRIFT_READERS_GROUP]),
        },
        endpointPrivateAccess: true,
        endpointPublicAccess: endpoint.public,
        publicAccessCidrs: endpoint.cidrs,
        enabledClusterLogTypes: [...(args.logTypes ?? CONTROL_PLANE_LOG_TYPES)],
        encryptionConfigKeyArn: secretsKey.arn,
        createOidcProvider: true,
        // The workloads render deny-by-default NetworkPolicies: the VPC CNI must enforce them.
        vpcCniOptions: { enableNetworkPolicy: true },
        skipDefaultNodeGroup: true,
        nodeAssociatePublicIpAddress: false,
        deletionProtection: args.deletionProtection ?? false,
        serviceRole,
      },
      {
        parent: this,
        providers: { aws: awsProviderOf(this) },
        dependsOn: [logGroup, servicePolicy],
      },
    );

    this.clusterName = pulumi.output(args.clusterName);
    this.endpoint = this.cluster.core.endpoint;
    this.certificateAuthority = this.cluster.eksCluster.certificateAuthority.data;
    this.kubeconfig = pulumi.secret(this.cluster.kubeconfigJson);
    this.oidcProviderArn = this.cluster.oidcProviderArn;
    this.secretsKeyArn = secretsKey.arn;
    this.registerOutputs({
      clusterName: this.clusterName,
      endpoint: this.endpoint,
      kubeconfig: this.kubeconfig,
      oidcProviderArn: this.oidcProviderArn,
      secretsKeyArn: this.secretsKeyArn,
    });
  }
}
