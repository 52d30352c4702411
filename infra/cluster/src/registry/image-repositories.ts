import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import { crossAccountPullPolicy, keepLastImagesPolicy } from './lifecycle-policy.js';

export interface ImageRepositoriesArgs {
  /** The apps, from the workspace catalog: one repository each. */
  readonly apps: readonly string[];
  /** Repositories are named `<prefix>/<app>`. */
  readonly prefix: string;
  /** How many tagged images each repository keeps. @default 30 */
  readonly keepLastImages?: number;
  /** Other accounts that may pull. @default none */
  readonly pullAccountIds?: readonly string[];
}

/**
 * One ECR repository per app: immutable tags (a tag names one image forever, which is what
 * the GitOps image files promise), a vulnerability scan on every push, and a lifecycle policy
 * that keeps the last N images.
 */
export class ImageRepositories extends pulumi.ComponentResource {
  /** app → repository URL (`<account>.dkr.ecr.<region>.amazonaws.com/<prefix>/<app>`). */
  public readonly repositoryUrls: pulumi.Output<Record<string, string>>;
  /** The repositories' ARNs, in the order of `apps`. */
  public readonly repositoryArns: pulumi.Output<string[]>;

  constructor(name: string, args: ImageRepositoriesArgs, opts?: pulumi.ComponentResourceOptions) {
    super('platform:registry:ImageRepositories', name, {}, opts);
    const policy = keepLastImagesPolicy(args.keepLastImages ?? 30);
    const repositories = args.apps.map((app) => {
      const repository = new aws.ecr.Repository(
        `${name}-${app}`,
        {
          name: `${args.prefix}/${app}`,
          imageTagMutability: 'IMMUTABLE',
          imageScanningConfiguration: { scanOnPush: true },
          encryptionConfigurations: [{ encryptionType: 'AES256' }],
          forceDelete: false,
        },
        { parent: this },
      );
      new aws.ecr.LifecyclePolicy(
        `${name}-${app}`,
        { repository: repository.name, policy },
        { parent: this },
      );
      if ((args.pullAccountIds ?? []).length > 0) {
        new aws.ecr.RepositoryPolicy(
          `${name}-${app}-pull`,
          {
            repository: repository.name,
            policy: crossAccountPullPolicy(args.pullAccountIds ?? []),
          },
          { parent: this },
        );
      }
      return [app, repository] as const;
    });

    this.repositoryUrls = pulumi.output(
      Object.fromEntries(repositories.map(([app, repository]) => [app, repository.repositoryUrl])),
    );
    this.repositoryArns = pulumi.output(repositories.map(([, repository]) => repository.arn));
    this.registerOutputs({
      repositoryUrls: this.repositoryUrls,
      repositoryArns: this.repositoryArns,
    });
  }
}
