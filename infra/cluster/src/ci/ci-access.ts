import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import { bootstrapStateStatements, type BootstrapState } from './bootstrap-state-statements.js';
import type { CiConfig, CiProvider, StateBackendConfig } from '../config/cluster-config.js';
import { CiRole } from './ci-role.js';
import { ciTrust } from './ci-trust.js';
import { deployIamStatements } from './deploy-iam-statements.js';
import { deployResourceStatements } from './deploy-resource-statements.js';
import type { DeployScope } from './deploy-scope.js';
import {
  ciRoleNamePrefix,
  managedRoleBoundary,
  managedRoleBoundaryName,
} from './managed-role-boundary.js';
import { policyDocument, type PolicyDocument } from './policy-document.js';
import { ecrPushStatements } from './push-statements.js';
import { readStatements } from './read-statements.js';
import { stateBackendStatements } from './state-backend-statements.js';
import { CI_OIDC_AUDIENCE, type TrustedSubjects } from './trust-policy.js';

/** The component's type per provider: GitHub's is the one existing stacks' URNs carry. */
const ACCESS_TYPES: Readonly<Record<CiProvider, string>> = {
  github: 'platform:ci:GithubActionsAccess',
  gitlab: 'platform:ci:GitlabCiAccess',
};

export interface CiAccessArgs {
  readonly ci: CiConfig;
  /** Where the stack's resources are; without what `ci` decides. */
  readonly scope: Omit<DeployScope, 'ciProvider' | 'managedCiOidcHost'>;
  /** CI pushes images to the repositories `<repositoryPrefix>/<app>`, creating them on first push. */
  readonly repositoryPrefix: string;
  /**
   * Whether the stack holds the environment's registry, so that image builds push here: a
   * workload cluster's stack does not (its hub's does), and gets no push role.
   * @default true
   */
  readonly holdsRegistry?: boolean;
  /** The environment's hosted zone: the only one the add-ons' roles may reach (the boundary). */
  readonly zoneArn: pulumi.Input<string>;
  /** @default no self-managed backend (Pulumi Cloud) */
  readonly stateBackend?: StateBackendConfig;
  /**
   * The stack whose state the roles reach, the stacks it reads through StackReferences and, on a
   * hub, infra/bootstrap's stack of the environment (BootstrapState).
   * @default the stack named like the environment (`scope.tags.environment`), no references
   */
  readonly state?: {
    readonly stack: string;
    readonly referencedStacks: readonly string[];
    readonly bootstrap?: Omit<BootstrapState, 'partition'>;
  };
}

/**
 * What CI (GitHub Actions or GitLab CI, `ciProvider`) may do in this account, through OIDC (no
 * stored keys), one role per job kind, `<prefix>-<provider>-<kind>`, each trusting only the
 * subjects of that kind (see githubSubjects, gitlabSubjects):
 * - deploy: jobs of the protected environments on the deploy branch: `pulumi up` of both
 *   programs. It can never change itself, the other CI roles or the managed-role boundary.
 * - push: image builds on the deploy branch: push to the apps' repositories, nothing else; only
 *   on the stack that holds the environment's registry.
 * - preview: pull requests (when enabled) and the branch's drift check: read-only, and of the
 *   state only infra-cluster's stack of this environment. Pull-request code is unreviewed.
 * On a hub stack these are the environment's roles: the deploy role also runs infra/bootstrap,
 * whose state it reaches through a managed policy (bootstrapStateStatements).
 * Also the boundary every role the deploy role manages must carry.
 */
export class CiAccess extends pulumi.ComponentResource {
  public readonly oidcProviderArn: pulumi.Output<string>;
  public readonly deployRoleArn: pulumi.Output<string>;
  /** Absent on a stack that holds no registry (holdsRegistry). */
  public readonly pushRoleArn: pulumi.Output<string> | undefined;
  public readonly previewRoleArn: pulumi.Output<string>;
  /** The permissions boundary of every role the deploy role creates or changes. */
  public readonly managedRoleBoundaryArn: pulumi.Output<string>;

  constructor(name: string, args: CiAccessArgs, opts?: pulumi.ComponentResourceOptions) {
    super(ACCESS_TYPES[args.ci.provider], name, {}, opts);
    const { scope } = args;
    const trust = ciTrust(args.ci);
    const backend = args.stateBackend ?? {
      bucket: undefined,
      secretsKeyArn: undefined,
      bootstrapSecretsKeyArn: undefined,
    };
    const stateScope = {
      partition: scope.partition,
      environment: args.state?.stack ?? scope.tags.environment,
      referencedStacks: args.state?.referencedStacks ?? [],
    };
    // A hub's deploy role is the environment's: it also runs infra/bootstrap (another stack name).
    const bootstrapState = args.state?.bootstrap
      ? bootstrapStateStatements(backend, { partition: scope.partition, ...args.state.bootstrap })
      : [];
    this.oidcProviderArn = trust.oidcProviderArn
      ? pulumi.output(trust.oidcProviderArn)
      : new aws.iam.OpenIdConnectProvider(
          `${name}-oidc`,
          { url: `https://${trust.issuer.host}`, clientIdLists: [CI_OIDC_AUDIENCE] },
          { parent: this },
        ).arn;
    const deployScope: DeployScope = {
      ...scope,
      ciProvider: trust.provider,
      managedCiOidcHost: trust.oidcProviderArn === undefined ? trust.issuer.host : undefined,
    };
    const subjects = trust.subjects;

    this.managedRoleBoundaryArn = new aws.iam.Policy(
      `${name}-managed-role-boundary`,
      {
        name: managedRoleBoundaryName(scope.namePrefix),
        description: `The most any role of ${scope.namePrefix} that CI manages may do`,
        policy: pulumi.output(args.zoneArn).apply((zoneArn) =>
          JSON.stringify(
            managedRoleBoundary(
              scope,
              {
                bucket: backend.bucket,
                secretsKeyArns: [backend.secretsKeyArn, backend.bootstrapSecretsKeyArn].filter(
                  (arn): arn is string => arn !== undefined,
                ),
              },
              zoneArn,
            ),
          ),
        ),
      },
      { parent: this },
    ).arn;

    const role = (
      kind: string,
      description: string,
      roleSubjects: TrustedSubjects,
      policies: Record<string, PolicyDocument>,
      managedPolicies: Record<string, PolicyDocument> = {},
    ) =>
      new CiRole(
        `${name}-${kind}`,
        {
          provider: trust.provider,
          roleName: `${ciRoleNamePrefix(scope.namePrefix, trust.provider)}-${kind}`,
          description: `${trust.assumedBy}: ${description}`,
          issuer: trust.issuer,
          oidcProviderArn: this.oidcProviderArn,
          subjects: roleSubjects,
          policies,
          ...(Object.keys(managedPolicies).length > 0 ? { managedPolicies } : {}),
        },
        { parent: this },
      ).roleArn;

    this.deployRoleArn = role(
      'deploy',
      'pulumi up, in protected environments',
      subjects.deploy,
      {
        'deploy-infrastructure': policyDocument([
          ...readStatements(),
          ...deployResourceStatements(deployScope),
          ...deployIamStatements(deployScope),
          ...stateBackendStatements(backend, 'deploy', stateScope),
        ]),
      },
      // Managed, not inline: a hub's inline policy is near IAM's size limit already.
      bootstrapState.length > 0 ? { 'bootstrap-state': policyDocument(bootstrapState) } : {},
    );
    this.pushRoleArn =
      args.holdsRegistry === false
        ? undefined
        : role('push', 'image builds: push only', subjects.push, {
            'push-images': policyDocument(ecrPushStatements(scope, args.repositoryPrefix)),
          });
    this.previewRoleArn = role(
      'preview',
      'previews and drift checks: read-only',
      subjects.preview,
      {
        'preview-infrastructure': policyDocument([
          ...readStatements(),
          ...stateBackendStatements(backend, 'preview', stateScope),
        ]),
      },
    );
    this.registerOutputs({
      oidcProviderArn: this.oidcProviderArn,
      deployRoleArn: this.deployRoleArn,
      ...(this.pushRoleArn ? { pushRoleArn: this.pushRoleArn } : {}),
      previewRoleArn: this.previewRoleArn,
      managedRoleBoundaryArn: this.managedRoleBoundaryArn,
    });
  }
}
