import { scopedArn, type DeployScope } from './deploy-scope.js';
import { addonRoleName, type AddonName } from '../addons/addon-identities.js';
import { POD_IDENTITY_SERVICE } from '../addons/pod-identity-trust.js';
import { ADDON_IDENTITIES } from '@platform/platform';
import {
  addonRolesArn,
  argocdHubRoleArn,
  ciRolesArn,
  managedRoleBoundaryArn,
} from './managed-role-boundary.js';
import type { PolicyStatement } from './policy-document.js';

/**
 * Role changes IAM can condition on the role's permissions boundary (`iam:PermissionsBoundary`).
 * Not PutRolePolicy: a managed role gets only the allow-listed AWS managed policies, never an
 * inline policy a merge could write; except the add-ons' Pod Identity roles, whose inline
 * policies the boundary caps at Route 53 (see managedRoleBoundary).
 */
const BOUNDED_ROLE_CHANGE = ['CreateRole', 'PutRolePermissionsBoundary', 'DeleteRolePolicy'].map(
  (action) => `iam:${action}`,
);
/** Role changes IAM cannot condition on the boundary: whatever they do, the boundary caps the role. */
const OTHER_ROLE_CHANGE = [
  'DeleteRole',
  'TagRole',
  'UntagRole',
  'UpdateRole',
  'UpdateRoleDescription',
  'UpdateAssumeRolePolicy',
].map((action) => `iam:${action}`);
/** Everything that could change a CI role, or the boundary policy, or lift a boundary. */
const NEVER_ON_CI_ROLES = [
  ...BOUNDED_ROLE_CHANGE,
  ...OTHER_ROLE_CHANGE,
  'iam:PutRolePolicy',
  'iam:AttachRolePolicy',
  'iam:DetachRolePolicy',
  'iam:DeleteRolePermissionsBoundary',
  'iam:PassRole',
];
const POLICY_CHANGE = [
  'CreatePolicy',
  'CreatePolicyVersion',
  'DeletePolicy',
  'DeletePolicyVersion',
  'SetDefaultPolicyVersion',
  'TagPolicy',
  'UntagPolicy',
].map((action) => `iam:${action}`);
const OIDC_PROVIDER_CHANGE = [
  'CreateOpenIDConnectProvider',
  'DeleteOpenIDConnectProvider',
  'TagOpenIDConnectProvider',
  'UntagOpenIDConnectProvider',
  'UpdateOpenIDConnectProviderThumbprint',
  'AddClientIDToOpenIDConnectProvider',
  'RemoveClientIDFromOpenIDConnectProvider',
].map((action) => `iam:${action}`);

/** The only AWS managed policies this stack attaches (to the cluster and node roles). */
export const ATTACHABLE_POLICIES = [
  'AmazonEKSClusterPolicy',
  'AmazonEKSWorkerNodePolicy',
  'AmazonEKS_CNI_Policy',
  'AmazonEC2ContainerRegistryPullOnly',
];

/**
 * What `pulumi up` changes in IAM: the roles named `<prefix>-*` (the cluster and node roles),
 * each carrying the managed-role boundary (it can create, and attach policies to, only a role
 * that carries it, and never lift it), passed only to EKS and EC2, with only the managed policies
 * above attached and no inline policy; the add-ons' roles (`<prefix>-addon-*`), which carry it
 * too, with an inline policy each, passed to EKS Pod Identity; the cluster's OIDC provider (and the CI system's, when this stack owns it); the
 * service-linked roles EKS needs on first use. Never the CI roles (`<prefix>-<ciProvider>-*`, itself
 * included) nor the boundary policy: those are changed by an administrator's `pulumi up`, so a
 * merge to main can use the deploy role but never widen it.
 */
export function deployIamStatements(scope: DeployScope): PolicyStatement[] {
  const roles = scopedArn(scope, 'iam', `role/${scope.namePrefix}-*`, '');
  // Only the declared ones: a merge may create another `<prefix>-addon-*` role (IAM has no
  // condition on a new role's name), but cannot give it an inline policy or a pod.
  const addonRoles = (Object.keys(ADDON_IDENTITIES) as AddonName[]).map((addon) =>
    scopedArn(scope, 'iam', `role/${addonRoleName(scope.namePrefix, addon)}`, ''),
  );
  const boundary = { 'iam:PermissionsBoundary': managedRoleBoundaryArn(scope) };
  return [
    {
      Sid: 'ChangeRolesThatCarryTheBoundary',
      Effect: 'Allow',
      Action: BOUNDED_ROLE_CHANGE,
      Resource: roles,
      Condition: { StringEquals: boundary },
    },
    { Sid: 'ManageOwnRoles', Effect: 'Allow', Action: OTHER_ROLE_CHANGE, Resource: roles },
    {
      Sid: 'AttachOnlyEksManagedPolicies',
      Effect: 'Allow',
      Action: ['iam:AttachRolePolicy', 'iam:DetachRolePolicy'],
      Resource: roles,
      Condition: {
        StringEquals: boundary,
        ArnEquals: {
          'iam:PolicyARN': ATTACHABLE_POLICIES.map(
            (name) => `arn:${scope.partition}:iam::aws:policy/${name}`,
          ),
        },
      },
    },
    {
      Sid: 'PassOwnRolesToEksAndEc2',
      Effect: 'Allow',
      Action: 'iam:PassRole',
      Resource: roles,
      Condition: {
        StringEquals: { 'iam:PassedToService': ['eks.amazonaws.com', 'ec2.amazonaws.com'] },
      },
    },
    {
      Sid: 'WriteAddonRolePolicies',
      Effect: 'Allow',
      Action: 'iam:PutRolePolicy',
      Resource: addonRoles,
      Condition: { StringEquals: boundary },
    },
    {
      Sid: 'PassAddonRolesToPodIdentity',
      Effect: 'Allow',
      Action: 'iam:PassRole',
      Resource: addonRoles,
      Condition: { StringEquals: { 'iam:PassedToService': POD_IDENTITY_SERVICE } },
    },
    {
      // Who may act as an add-on (its trust: EKS Pod Identity, for this cluster) is set when
      // the role is created; changing it, or replacing the role, is an administrator's run.
      Sid: 'AddonRolesKeepTheirTrust',
      Effect: 'Deny',
      Action: ['iam:UpdateAssumeRolePolicy', 'iam:DeleteRole'],
      Resource: addonRolesArn(scope),
    },
    ...(scope.argocdHub ? argocdHubRoleStatements(scope) : []),
    {
      Sid: 'NeverTheCiRoles',
      Effect: 'Deny',
      Action: NEVER_ON_CI_ROLES,
      Resource: ciRolesArn(scope),
    },
    {
      Sid: 'NeverLiftABoundary',
      Effect: 'Deny',
      Action: 'iam:DeleteRolePermissionsBoundary',
      Resource: '*',
    },
    {
      Sid: 'NeverChangeTheBoundary',
      Effect: 'Deny',
      Action: POLICY_CHANGE,
      Resource: managedRoleBoundaryArn(scope),
    },
    {
      Sid: 'ManageOidcProviders',
      Effect: 'Allow',
      Action: OIDC_PROVIDER_CHANGE,
      Resource: [
        scopedArn(scope, 'iam', `oidc-provider/oidc.eks.${scope.region}.amazonaws.com/id/*`, ''),
        ...(scope.managedCiOidcHost === undefined
          ? []
          : [scopedArn(scope, 'iam', `oidc-provider/${scope.managedCiOidcHost}`, '')]),
      ],
    },
    {
      Sid: 'CreateEksServiceLinkedRoles',
      Effect: 'Allow',
      Action: 'iam:CreateServiceLinkedRole',
      Resource: '*',
      Condition: {
        StringEquals: {
          'iam:AWSServiceName': [
            'eks.amazonaws.com',
            'eks-nodegroup.amazonaws.com',
            'autoscaling.amazonaws.com',
          ],
        },
      },
    },
  ];
}

/**
 * A hub stack's Argo CD role, `<prefix>-argocd-hub` (created by ChangeRolesThatCarryTheBoundary
 * like every `<prefix>-*` role): passed to EKS Pod Identity only, for its associations. It is
 * cluster-admin on every workload cluster of the environment, so no merge may give it a policy
 * (the boundary denies it everything anyway), re-point its trust or replace it: that is an
 * administrator's run.
 */
function argocdHubRoleStatements(scope: DeployScope): PolicyStatement[] {
  const role = argocdHubRoleArn(scope);
  return [
    {
      Sid: 'PassTheArgocdHubRoleToPodIdentity',
      Effect: 'Allow',
      Action: 'iam:PassRole',
      Resource: role,
      Condition: { StringEquals: { 'iam:PassedToService': POD_IDENTITY_SERVICE } },
    },
    {
      Sid: 'TheArgocdHubRoleKeepsItsTrustAndNoPolicy',
      Effect: 'Deny',
      Action: [
        'iam:UpdateAssumeRolePolicy',
        'iam:DeleteRole',
        'iam:PutRolePolicy',
        'iam:AttachRolePolicy',
      ],
      Resource: role,
    },
  ];
}
