import { argocdHubRoleName } from '../argocd/argocd-hub-identity.js';
import { scopedArn, type DeployScope } from './deploy-scope.js';
import { policyDocument, type PolicyDocument } from './policy-document.js';

/** The boundary's name: `<prefix>-managed-role-boundary`. */
export function managedRoleBoundaryName(namePrefix: string): string {
  return `${namePrefix}-managed-role-boundary`;
}

export function managedRoleBoundaryArn(
  scope: Pick<DeployScope, 'partition' | 'accountId' | 'namePrefix'>,
): string {
  return `arn:${scope.partition}:iam::${scope.accountId}:policy/${managedRoleBoundaryName(scope.namePrefix)}`;
}

/** Where the Pulumi state and its secrets keys are, when they are in this account. */
export interface ProtectedState {
  readonly bucket: string | undefined;
  readonly secretsKeyArns: readonly string[];
}

/**
 * The permissions boundary every role the deploy role creates or changes must carry (the
 * cluster's service role, the node role, and any role a later change adds): whatever policy
 * such a role is given, it can never change IAM (only read it and create the service-linked
 * roles EKS and ELB need), assume another role, touch AWS Organizations or the account, read or
 * write the Pulumi state, or decrypt with its secrets keys. With the deploy role limited to the
 * four EKS managed policies and no inline policy, `pulumi up` from main cannot give a role it
 * manages more than those policies, and no such role can rewrite the CI roles.
 * The add-ons' roles (`<prefix>-addon-*`) get inline policies the deploy role writes, so the
 * boundary caps them harder, whatever a merged policy says: Route 53 only; of it, the
 * environment's zone (`zoneArn`) and the changes made to it, besides listing the account's zone
 * names (Route 53 cannot scope ListHostedZones*); and in that zone, reading and changing
 * records only (never deleting it, nor its DNSSEC, VPCs or tags).
 * The boundary caps; the roles' own policies grant.
 */
export function managedRoleBoundary(
  scope: Pick<DeployScope, 'partition' | 'region' | 'accountId' | 'namePrefix' | 'argocdHub'>,
  state: ProtectedState,
  zoneArn: string,
): PolicyDocument {
  // A role session's aws:PrincipalArn is the role's ARN, whatever the session name.
  const addonRoles = { ArnLike: { 'aws:PrincipalArn': addonRolesArn(scope) } };
  return policyDocument([
    // A hub's Argo CD role needs no permission (argocd-k8s-auth presigns sts:GetCallerIdentity,
    // which no policy can deny): capped at nothing, whatever a merge attaches to it.
    ...(scope.argocdHub
      ? [
          {
            Sid: 'TheArgocdHubRoleNothing',
            Effect: 'Deny' as const,
            Action: '*',
            Resource: '*',
            Condition: { ArnEquals: { 'aws:PrincipalArn': argocdHubRoleArn(scope) } },
          },
        ]
      : []),
    {
      Sid: 'AddonRolesOnlyRoute53',
      Effect: 'Deny',
      NotAction: 'route53:*',
      Resource: '*',
      Condition: addonRoles,
    },
    {
      Sid: 'AddonRolesOnlyTheEnvironmentZone',
      Effect: 'Deny',
      NotAction: ['route53:ListHostedZones*', 'route53:GetHostedZoneCount'],
      NotResource: [zoneArn, `arn:${scope.partition}:route53:::change/*`],
      Condition: addonRoles,
    },
    {
      Sid: 'AddonRolesOnlyItsRecords',
      Effect: 'Deny',
      NotAction: ['route53:Get*', 'route53:List*', 'route53:ChangeResourceRecordSets'],
      Resource: zoneArn,
      Condition: addonRoles,
    },
    {
      Sid: 'AnythingButIdentityAndAccount',
      Effect: 'Allow',
      NotAction: ['iam:*', 'sts:*', 'organizations:*', 'account:*'],
      Resource: '*',
    },
    {
      Sid: 'ReadIdentityAndCreateServiceLinkedRoles',
      Effect: 'Allow',
      Action: ['iam:Get*', 'iam:List*', 'iam:CreateServiceLinkedRole'],
      Resource: '*',
    },
    ...(state.bucket === undefined
      ? []
      : [
          {
            Sid: 'NeverThePulumiState',
            Effect: 'Deny' as const,
            Action: 's3:*',
            Resource: [
              `arn:${scope.partition}:s3:::${state.bucket}`,
              `arn:${scope.partition}:s3:::${state.bucket}/*`,
            ],
          },
        ]),
    ...(state.secretsKeyArns.length === 0
      ? []
      : [
          {
            Sid: 'NeverTheStackSecretsKeys',
            Effect: 'Deny' as const,
            Action: 'kms:*',
            Resource: [...state.secretsKeyArns],
          },
        ]),
  ]);
}

/** The start of the CI roles' names: `<prefix>-github` or `<prefix>-gitlab`. */
export function ciRoleNamePrefix(namePrefix: string, provider: DeployScope['ciProvider']): string {
  return `${namePrefix}-${provider}`;
}

/**
 * The resource of a role the deploy role must never change: the stack's CI roles,
 * `<prefix>-github-*` or, on a GitLab stack, `<prefix>-gitlab-*` (itself included).
 */
export function ciRolesArn(
  scope: Pick<DeployScope, 'partition' | 'region' | 'accountId' | 'namePrefix' | 'ciProvider'>,
) {
  return scopedArn(
    scope,
    'iam',
    `role/${ciRoleNamePrefix(scope.namePrefix, scope.ciProvider)}-*`,
    '',
  );
}

/** The add-ons' Pod Identity roles, `<prefix>-addon-*` (see AddonIdentities). */
export function addonRolesArn(
  scope: Pick<DeployScope, 'partition' | 'region' | 'accountId' | 'namePrefix'>,
) {
  return scopedArn(scope, 'iam', `role/${scope.namePrefix}-addon-*`, '');
}

/** A hub stack's Argo CD role, `<prefix>-argocd-hub` (see ArgocdHubIdentity). */
export function argocdHubRoleArn(
  scope: Pick<DeployScope, 'partition' | 'region' | 'accountId' | 'namePrefix'>,
) {
  return scopedArn(scope, 'iam', `role/${argocdHubRoleName(scope.namePrefix)}`, '');
}
