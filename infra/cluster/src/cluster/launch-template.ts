import type * as aws from '@pulumi/aws';
import type { NodeAmiType } from '../config/cluster-config.js';

export interface NodeLaunchTemplateOptions {
  readonly amiType: NodeAmiType;
  readonly diskSizeGib: number;
  /** 1 keeps pods (which sit one network hop further) off the instance metadata. */
  readonly imdsHopLimit: 1 | 2;
  /** Tags for the instances and volumes the node group launches. */
  readonly instanceTags: Readonly<Record<string, string>>;
}

/**
 * The node launch template: IMDSv2 only (session tokens required), an encrypted gp3 root
 * (AL2023) or data (Bottlerocket) volume, tags on what it launches, and nothing else. No
 * image id (EKS picks the AMI of the node group's amiType and merges its own user data), no
 * instance profile (EKS sets it), no network interfaces (the subnets decide: private ones).
 */
export function nodeLaunchTemplateArgs(
  options: NodeLaunchTemplateOptions,
): aws.ec2.LaunchTemplateArgs {
  const bottlerocket = options.amiType.startsWith('BOTTLEROCKET');
  return {
    description: 'EKS managed nodes: IMDSv2 only, encrypted volumes',
    updateDefaultVersion: true,
    metadataOptions: {
      httpEndpoint: 'enabled',
      httpTokens: 'required',
      httpPutResponseHopLimit: options.imdsHopLimit,
      instanceMetadataTags: 'disabled',
    },
    blockDeviceMappings: [
      {
        deviceName: bottlerocket ? '/dev/xvdb' : '/dev/xvda',
        ebs: {
          volumeSize: options.diskSizeGib,
          volumeType: 'gp3',
          encrypted: 'true',
          deleteOnTermination: 'true',
        },
      },
    ],
    tagSpecifications: ['instance', 'volume', 'network-interface'].map((resourceType) => ({
      resourceType,
      tags: { ...options.instanceTags },
    })),
  };
}
