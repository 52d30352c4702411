import type { CiProvider } from '../config/cluster-config.js';

/** Where this stack's resources live and how they are tagged and named. */
export interface DeployScope {
  readonly partition: string;
  readonly region: string;
  readonly accountId: string;
  /** Every role, alias and repository this stack names starts with `<prefix>-` or `<prefix>/`. */
  readonly namePrefix: string;
  readonly clusterName: string;
  /**
   * The default tags every resource carries; creation and changes are conditioned on them.
   * `cluster` (a listed cluster's stack) only where the environment has several stacks.
   */
  readonly tags: Readonly<{ environment: string; project: string; cluster?: string }>;
  /** The CI system whose roles, `<prefix>-<ciProvider>-*`, the deploy role must never change. */
  readonly ciProvider: CiProvider;
  /** The host of the CI OIDC provider this stack creates (undefined: it exists outside). */
  readonly managedCiOidcHost: string | undefined;
  /** Whether this stack creates the environment's hosted zone (false: it adopts one). */
  readonly managesHostedZone: boolean;
  /** Whether this stack runs its environment's Argo CD hub (the `<prefix>-argocd-hub` role). @default false */
  readonly argocdHub?: boolean;
}

/** `arn:<partition>:<service>:<region>:<account>:<resource>`; pass `''` as region for IAM. */
export function scopedArn(
  scope: Pick<DeployScope, 'partition' | 'region' | 'accountId'>,
  service: string,
  resource: string,
  region = scope.region,
): string {
  return `arn:${scope.partition}:${service}:${region}:${scope.accountId}:${resource}`;
}

/** Conditions that hold only for requests carrying (`Request`) or resources bearing (`Resource`) the stack's tags. */
export function tagCondition(
  scope: DeployScope,
  on: 'Request' | 'Resource',
): Record<string, string> {
  return {
    [`aws:${on}Tag/environment`]: scope.tags.environment,
    [`aws:${on}Tag/project`]: scope.tags.project,
    ...(scope.tags.cluster === undefined ? {} : { [`aws:${on}Tag/cluster`]: scope.tags.cluster }),
  };
}
