import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import type { CiProvider } from '../config/cluster-config.js';
import type { PolicyDocument } from './policy-document.js';
import { ciTrustPolicy, type CiIssuer, type TrustedSubjects } from './trust-policy.js';

/** The component's type per provider: GitHub's is the one existing stacks' URNs carry. */
const ROLE_TYPES: Readonly<Record<CiProvider, string>> = {
  github: 'platform:ci:GithubRole',
  gitlab: 'platform:ci:GitlabRole',
};

export interface CiRoleArgs {
  readonly provider: CiProvider;
  /** The role's physical name, so pipelines can name it before the first deploy. */
  readonly roleName: string;
  readonly description: string;
  readonly issuer: CiIssuer;
  /** The IAM OIDC provider of the issuer. */
  readonly oidcProviderArn: pulumi.Input<string>;
  /** The `sub` claims trusted (see githubSubjects, gitlabSubjects). */
  readonly subjects: TrustedSubjects;
  /** Inline policies by name. */
  readonly policies: Readonly<Record<string, pulumi.Input<PolicyDocument>>>;
  /**
   * Customer-managed policies by name, each `<roleName>-<name>` and attached to the role: for
   * what does not fit the inline policies' size limit (INLINE_POLICY_LIMIT, for all of them
   * together). No CI role may create, change or detach a policy. @default none
   */
  readonly managedPolicies?: Readonly<Record<string, pulumi.Input<PolicyDocument>>>;
  /** Longest session a job gets. @default 3600 (one hour) */
  readonly maxSessionDurationSeconds?: number;
}

/** A role that CI jobs of the given subjects assume through OIDC. */
export class CiRole extends pulumi.ComponentResource {
  public readonly roleArn: pulumi.Output<string>;
  public readonly roleName: pulumi.Output<string>;

  constructor(name: string, args: CiRoleArgs, opts?: pulumi.ComponentResourceOptions) {
    super(ROLE_TYPES[args.provider], name, {}, opts);
    const role = new aws.iam.Role(
      `${name}-role`,
      {
        name: args.roleName,
        description: args.description,
        maxSessionDuration: args.maxSessionDurationSeconds ?? 3600,
        assumeRolePolicy: pulumi
          .output(args.oidcProviderArn)
          .apply((arn) => JSON.stringify(ciTrustPolicy(args.issuer, arn, args.subjects))),
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
    for (const [policyName, document] of Object.entries(args.managedPolicies ?? {})) {
      const managed = new aws.iam.Policy(
        `${name}-${policyName}`,
        {
          name: `${args.roleName}-${policyName}`,
          description: `${args.description}: ${policyName}`,
          policy: pulumi.output(document).apply((d) => JSON.stringify(d)),
        },
        { parent: this },
      );
      new aws.iam.RolePolicyAttachment(
        `${name}-${policyName}`,
        { role: role.name, policyArn: managed.arn },
        { parent: this },
      );
    }
    this.roleArn = role.arn;
    this.roleName = role.name;
    this.registerOutputs({ roleArn: this.roleArn, roleName: this.roleName });
  }
}
