import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import type { GithubConfig, StateBackendConfig } from '../config/cluster-config.js';
import { deployIamStatements } from './deploy-iam-statements.js';
import { deployResourceStatements } from './deploy-resource-statements.js';
import type { DeployScope } from './deploy-scope.js';
import { GithubRole } from './github-role.js';
import { policyDocument } from './policy-document.js';
import { ecrPushStatements } from './push-statements.js';
import { readStatements } from './read-statements.js';
import { stateBackendStatements } from './state-backend-statements.js';
import { GITHUB_OIDC_AUDIENCE, GITHUB_OIDC_HOST, githubSubjects } from './trust-policy.js';

export interface GithubActionsAccessArgs {
  readonly github: GithubConfig;
  /** Where the stack's resources are; without `managesGithubProvider` (derived from `github`). */
  readonly scope: Omit<DeployScope, 'managesGithubProvider'>;
  /** CI pushes images to the repositories `<repositoryPrefix>/<app>`, creating them on first push. */
  readonly repositoryPrefix: string;
  /** @default no self-managed backend (Pulumi Cloud) */
  readonly stateBackend?: StateBackendConfig;
}

/**
 * What GitHub Actions may do in this account, through OIDC (no stored keys):
 * - the deploy role, for the deploy branch and protected environments: push images to the
 *   apps' repositories (creating an app's on its first push) and run `pulumi up` of this program;
 * - the preview role, for pull requests (when enabled) and the deploy branch's scheduled drift
 *   check: read-only, enough for `pulumi preview --refresh`. Pull-request code is not reviewed
 *   yet, so it never gets the deploy role.
 */
export class GithubActionsAccess extends pulumi.ComponentResource {
  public readonly oidcProviderArn: pulumi.Output<string>;
  public readonly deployRoleArn: pulumi.Output<string>;
  /** Undefined when pull requests are not trusted. */
  public readonly previewRoleArn: pulumi.Output<string> | undefined;

  constructor(name: string, args: GithubActionsAccessArgs, opts?: pulumi.ComponentResourceOptions) {
    super('platform:ci:GithubActionsAccess', name, {}, opts);
    const { github, scope } = args;
    const backend = args.stateBackend ?? { bucket: undefined, secretsKeyArn: undefined };
    this.oidcProviderArn = github.oidcProviderArn
      ? pulumi.output(github.oidcProviderArn)
      : new aws.iam.OpenIdConnectProvider(
          `${name}-oidc`,
          { url: `https://${GITHUB_OIDC_HOST}`, clientIdLists: [GITHUB_OIDC_AUDIENCE] },
          { parent: this },
        ).arn;
    const deployScope = { ...scope, managesGithubProvider: github.oidcProviderArn === undefined };
    const subjects = githubSubjects(github);

    this.deployRoleArn = new GithubRole(
      `${name}-deploy`,
      {
        roleName: `${scope.namePrefix}-github-deploy`,
        description: `GitHub Actions of ${github.repository} (${subjects.deploy.join(', ')}): push images, pulumi up`,
        oidcProviderArn: this.oidcProviderArn,
        subjects: subjects.deploy,
        policies: {
          'push-images': policyDocument(ecrPushStatements(scope, args.repositoryPrefix)),
          'deploy-infrastructure': policyDocument([
            ...readStatements(),
            ...deployResourceStatements(deployScope),
            ...deployIamStatements(deployScope),
            ...stateBackendStatements(backend, 'write', scope.partition),
          ]),
        },
      },
      { parent: this },
    ).roleArn;

    this.previewRoleArn =
      subjects.preview.length === 0
        ? undefined
        : new GithubRole(
            `${name}-preview`,
            {
              roleName: `${scope.namePrefix}-github-preview`,
              description: `GitHub Actions previews of ${github.repository} (pull requests, drift checks): read-only`,
              oidcProviderArn: this.oidcProviderArn,
              subjects: subjects.preview,
              policies: {
                'preview-infrastructure': policyDocument([
                  ...readStatements(),
                  ...stateBackendStatements(backend, 'read', scope.partition),
                ]),
              },
            },
            { parent: this },
          ).roleArn;
    this.registerOutputs({
      oidcProviderArn: this.oidcProviderArn,
      deployRoleArn: this.deployRoleArn,
      previewRoleArn: this.previewRoleArn,
    });
  }
}
