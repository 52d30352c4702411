import type { ResourceRecorder } from '@platform/infra-stack-kit/testing';

export type CiRoleKind = 'deploy' | 'push' | 'preview';

/** Reads the IAM documents of the CI roles the program registered (GitHub's unless told). */
export function iamDocuments(
  recorder: () => ResourceRecorder,
  provider: 'github' | 'gitlab' = 'github',
) {
  const role = (prefix: string, kind: CiRoleKind) =>
    recorder().find('aws:iam/role:Role', `${prefix}-${provider}-${kind}-role`);
  return {
    role,
    /** The role's trust policy, parsed. */
    trust: (prefix: string, kind: CiRoleKind) =>
      JSON.parse(role(prefix, kind).inputs['assumeRolePolicy']),
    /** One inline policy of the role, parsed. */
    policy: (prefix: string, kind: CiRoleKind, name: string) =>
      JSON.parse(
        recorder().find('aws:iam/rolePolicy:RolePolicy', `${prefix}-${provider}-${kind}-${name}`)
          .inputs['policy'],
      ),
    /** The managed-role boundary of the stack, parsed. */
    boundary: (prefix: string) =>
      JSON.parse(
        recorder().find('aws:iam/policy:Policy', `${prefix}-${provider}-managed-role-boundary`)
          .inputs['policy'],
      ),
  };
}

/** A statement's actions, as a list. */
export const actionsOf = (statement: any): string[] => [statement.Action ?? []].flat();

/** Whether an action only reads (Describe, List, Get). */
export const readOnly = (action: string): boolean => /^[a-z0-9]+:(Describe|List|Get)/.test(action);

/** Reads the IAM documents of an add-on's Pod Identity role (by its service account). */
export function addonDocuments(recorder: () => ResourceRecorder) {
  const role = (prefix: string, serviceAccount: string) =>
    recorder().find('aws:iam/role:Role', `${prefix}-addons-${serviceAccount}-role`);
  return {
    role,
    trust: (prefix: string, serviceAccount: string) =>
      JSON.parse(role(prefix, serviceAccount).inputs['assumeRolePolicy']),
    policy: (prefix: string, serviceAccount: string) =>
      JSON.parse(
        recorder().find(
          'aws:iam/rolePolicy:RolePolicy',
          `${prefix}-addons-${serviceAccount}-policy`,
        ).inputs['policy'],
      ),
  };
}
