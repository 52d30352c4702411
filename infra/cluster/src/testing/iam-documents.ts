import type { ResourceRecorder } from './resource-recorder.js';

/** Reads the IAM documents of the CI roles the program registered. */
export function iamDocuments(recorder: () => ResourceRecorder) {
  const role = (prefix: string, kind: 'deploy' | 'preview') =>
    recorder().find('aws:iam/role:Role', `${prefix}-github-${kind}-role`);
  return {
    role,
    /** The role's trust policy, parsed. */
    trust: (prefix: string, kind: 'deploy' | 'preview') =>
      JSON.parse(role(prefix, kind).inputs['assumeRolePolicy']),
    /** One inline policy of the role, parsed. */
    policy: (prefix: string, kind: 'deploy' | 'preview', name: string) =>
      JSON.parse(
        recorder().find('aws:iam/rolePolicy:RolePolicy', `${prefix}-github-${kind}-${name}`).inputs[
          'policy'
        ],
      ),
  };
}

/** A statement's actions, as a list. */
export const actionsOf = (statement: any): string[] => [statement.Action].flat();

/** Whether an action only reads (Describe, List, Get). */
export const readOnly = (action: string): boolean => /^[a-z0-9]+:(Describe|List|Get)/.test(action);
