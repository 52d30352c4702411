import type { ResourceRecorder } from '@platform/infra-stack-kit/testing';

export type CiRoleKind = 'deploy' | 'push' | 'preview';

/** Reads the IAM documents of the CI roles the program registered (GitHub's unless told). */
export function iamDocuments(
  recorder: () => ResourceRecorder,
  provider: 'github' | 'gitlab' = 'github',
) {
  const role = (prefix: string, kind: CiRoleKind) =>
    recorder().find('aws:iam/role:Role', `${prefix}-${provider}-${kind}-role`);
  const attachedPolicies = (prefix: string, kind: CiRoleKind) => {
    const roleName = role(prefix, kind).inputs['name'];
    const arns = recorder()
      .ofType('aws:iam/rolePolicyAttachment:RolePolicyAttachment')
      .filter((r) => r.inputs['role'] === roleName)
      .map((r) => r.inputs['policyArn']);
    return recorder()
      .ofType('aws:iam/policy:Policy')
      .filter((r) => arns.includes(r.state['arn']));
  };
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
    /**
     * Everything the role may do: its inline policies and the managed policies attached to it,
     * as one document (IAM allows what any of them allows).
     */
    permissions: (prefix: string, kind: CiRoleKind) => {
      const roleName = role(prefix, kind).inputs['name'];
      const inline = recorder()
        .ofType('aws:iam/rolePolicy:RolePolicy')
        .filter((r) => r.inputs['role'] === roleName);
      return {
        Statement: [...inline, ...attachedPolicies(prefix, kind)].flatMap(
          (r) => JSON.parse(r.inputs['policy']).Statement,
        ),
      };
    },
    /** The customer-managed policies attached to the role, by physical name, parsed. */
    managedPolicies: (prefix: string, kind: CiRoleKind): Record<string, any> =>
      Object.fromEntries(
        attachedPolicies(prefix, kind).map((r) => [
          r.inputs['name'],
          JSON.parse(r.inputs['policy']),
        ]),
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
