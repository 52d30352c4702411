import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import type { PolicyDocument } from './policy-document.js';
import { githubTrustPolicy, type TrustedSubjects } from './trust-policy.js';

export interface GithubRoleArgs {
  /** The role's physical name, so workflows can name it before the first deploy. */
  readonly roleName: string;
  readonly description: string;
  /** The IAM OIDC provider of token.actions.githubusercontent.com. */
  readonly oidcProviderArn: pulumi.Input<string>;
  /** The `sub` claims trusted (see githubSubjects). */
  readonly subjects: TrustedSubjects;
  /** Inline policies by name. */
  readonly policies: Readonly<Record<string, pulumi.Input<PolicyDocument>>>;
  /** Longest session a workflow gets. @default 3600 (one hour) */
  readonly maxSessionDurationSeconds?: number;
}

/** A role that GitHub Actions workflows of the given subjects assume through OIDC. */
export class GithubRole extends pulumi.ComponentResource {
  public readonly roleArn: pulumi.Output<string>;
  public readonly roleName: pulumi.Output<string>;

  constructor(name: string, args: GithubRoleArgs, opts?: pulumi.ComponentResourceOptions) {
    super('platform:ci:GithubRole', name, {}, opts);
    const role = new aws.iam.Role(
      `${name}-role`,
      {
        name: args.roleName,
        description: args.description,
        maxSessionDuration: args.maxSessionDurationSeconds ?? 3600,
        assumeRolePolicy: pulumi
          .output(args.oidcProviderArn)
          .apply((arn) => JSON.stringify(githubTrustPolicy(arn, args.subjects))),
      },
      { parent: this },
    );
    for (const [policyName, document] of Object.entries(args.policies)) {
      new aws.iam.RolePolicy(
        `${name}-${policyName}`,
        {
          role: role.name,
          name: policyName,
          policy: pulumi.output(document).apply((d) => JSON.stringify(d)),
        },
        { parent: this },
      );
    }
    this.roleArn = role.arn;
    this.roleName = role.name;
    this.registerOutputs({ roleArn: this.roleArn, roleName: this.roleName });
  }
}
