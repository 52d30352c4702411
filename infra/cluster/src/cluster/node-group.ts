import * as aws from '@pulumi/aws';
import * as eks from '@pulumi/eks';
import * as pulumi from '@pulumi/pulumi';
import { awsProviderOf } from '../aws-provider.js';
import type { NodeAmiType } from '../config/cluster-config.js';
import { nodeLaunchTemplateArgs } from './launch-template.js';

export interface NodeGroupArgs {
  readonly cluster: eks.Cluster;
  /** Private subnets only: the nodes get no public addresses. */
  readonly subnetIds: pulumi.Input<pulumi.Input<string>[]>;
  readonly instanceTypes: readonly string[];
  readonly minSize: number;
  readonly desiredSize: number;
  readonly maxSize: number;
  /** @default 'AL2023_x86_64_STANDARD' */
  readonly amiType?: NodeAmiType;
  /** @default 50 */
  readonly diskSizeGib?: number;
  /** @default 1 */
  readonly imdsHopLimit?: 1 | 2;
  /** Tags for the instances and volumes (the provider's default tags do not reach them). @default {} */
  readonly instanceTags?: Readonly<Record<string, string>>;
  /** @default 'aws' */
  readonly partition?: string;
  /** The boundary the node role carries (the deploy role manages only roles that carry it). */
  readonly permissionsBoundaryArn: pulumi.Input<string>;
}

/** The AWS managed policies a node needs: join the cluster, run the VPC CNI, pull images. */
export function nodeRolePolicyArns(partition: string): Record<string, string> {
  const managed = (policy: string) => `arn:${partition}:iam::aws:policy/${policy}`;
  return {
    worker: managed('AmazonEKSWorkerNodePolicy'),
    cni: managed('AmazonEKS_CNI_Policy'),
    'ecr-pull': managed('AmazonEC2ContainerRegistryPullOnly'),
  };
}

/**
 * An EKS managed node group (@pulumi/eks) in the given subnets, sized from config, launched
 * from a template that requires IMDSv2. EKS creates the node role's access entry itself
 * (API authentication mode), so the role is not listed on the cluster.
 */
export class NodeGroup extends pulumi.ComponentResource {
  public readonly roleArn: pulumi.Output<string>;
  public readonly launchTemplateId: pulumi.Output<string>;

  constructor(name: string, args: NodeGroupArgs, opts?: pulumi.ComponentResourceOptions) {
    super('platform:cluster:NodeGroup', name, {}, opts);
    const amiType = args.amiType ?? 'AL2023_x86_64_STANDARD';

    const role = new aws.iam.Role(
      `${name}-role`,
      {
        description: `EKS managed nodes of ${name}`,
        permissionsBoundary: args.permissionsBoundaryArn,
        assumeRolePolicy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: { Service: 'ec2.amazonaws.com' },
              Action: 'sts:AssumeRole',
            },
          ],
        }),
      },
      { parent: this },
    );
    const attachments = Object.entries(nodeRolePolicyArns(args.partition ?? 'aws')).map(
      ([short, policyArn]) =>
        new aws.iam.RolePolicyAttachment(
          `${name}-role-${short}`,
          { role: role.name, policyArn },
          { parent: this },
        ),
    );
    const template = new aws.ec2.LaunchTemplate(
      `${name}-lt`,
      nodeLaunchTemplateArgs({
        amiType,
        diskSizeGib: args.diskSizeGib ?? 50,
        imdsHopLimit: args.imdsHopLimit ?? 1,
        instanceTags: args.instanceTags ?? {},
      }),
      { parent: this },
    );

    new eks.ManagedNodeGroup(
      `${name}-group`,
      {
        cluster: args.cluster,
        nodeRole: role,
        subnetIds: args.subnetIds,
        amiType,
        capacityType: 'ON_DEMAND',
        instanceTypes: [...args.instanceTypes],
        scalingConfig: {
          minSize: args.minSize,
          desiredSize: args.desiredSize,
          maxSize: args.maxSize,
        },
        launchTemplate: { id: template.id, version: template.latestVersion.apply((v) => `${v}`) },
      },
      { parent: this, providers: { aws: awsProviderOf(this) }, dependsOn: attachments },
    );

    this.roleArn = role.arn;
    this.launchTemplateId = template.id;
    this.registerOutputs({ roleArn: this.roleArn, launchTemplateId: this.launchTemplateId });
  }
}
