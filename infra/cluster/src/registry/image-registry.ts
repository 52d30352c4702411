import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import { crossAccountPullPolicy, keepLastImagesPolicy } from './lifecycle-policy.js';

export interface ImageRegistryArgs {
  /** Every app's repository is `<prefix>/<app>`. */
  readonly prefix: string;
  /** How many tagged images each repository keeps. @default 30 */
  readonly keepLastImages?: number;
  /** Other accounts that may pull. @default none */
  readonly pullAccountIds?: readonly string[];
  /** The partition of those accounts' ARNs. @default 'aws' */
  readonly partition?: string;
}

/**
 * The environment's image registry, with no list of apps: ECR creates an app's repository on
 * its first push (`CREATE_ON_PUSH`), from this template, so a new app's first release needs
 * no `pulumi up` and never races one. Every repository under the prefix gets immutable tags
 * (a tag names one image forever, what the GitOps image files promise), encryption, a
 * lifecycle policy that keeps the last N tagged images, and the cross-account pull policy.
 * Every push in the registry is scanned (registry scanning is account-wide, so it scans every
 * repository: the stacks sharing an account declare the same rule).
 */
export class ImageRegistry extends pulumi.ComponentResource {
  /** The repositories' common prefix, `<prefix>`. */
  public readonly prefix: string;

  constructor(name: string, args: ImageRegistryArgs, opts?: pulumi.ComponentResourceOptions) {
    super('platform:registry:ImageRegistry', name, {}, opts);
    this.prefix = args.prefix;
    const pullAccountIds = args.pullAccountIds ?? [];
    new aws.ecr.RepositoryCreationTemplate(
      `${name}-template`,
      {
        prefix: args.prefix,
        description: `The app repositories ${args.prefix}/<app>, created by their first push`,
        appliedFors: ['CREATE_ON_PUSH'],
        imageTagMutability: 'IMMUTABLE',
        encryptionConfigurations: [{ encryptionType: 'AES256' }],
        lifecyclePolicy: keepLastImagesPolicy(args.keepLastImages ?? 30),
        ...(pullAccountIds.length > 0
          ? { repositoryPolicy: crossAccountPullPolicy(pullAccountIds, args.partition ?? 'aws') }
          : {}),
      },
      { parent: this },
    );
    new aws.ecr.RegistryScanningConfiguration(
      `${name}-scanning`,
      {
        scanType: 'BASIC',
        rules: [
          {
            scanFrequency: 'SCAN_ON_PUSH',
            repositoryFilters: [{ filter: '*', filterType: 'WILDCARD' }],
          },
        ],
      },
      { parent: this },
    );
    this.registerOutputs({ prefix: this.prefix });
  }
}
