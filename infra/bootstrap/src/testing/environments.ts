import type { Environment } from '@platform/environments';
import { workspaceEnvironments } from '@platform/environments';

/**
 * The workspace's environments with staging's Argo CD settings replaced: what a team writes in
 * libs/environments to turn SSO on or the webhook off, without the tests depending on it.
 */
export function withStagingArgoCd(argocd: Environment['argocd']): readonly Environment[] {
  return workspaceEnvironments.map((e) => (e.name === 'staging' ? { ...e, argocd } : e));
}

/** Staging with single sign-on: the stack then needs oidcClientSecret. */
export const SSO_ENVIRONMENTS = withStagingArgoCd({
  sso: {
    issuer: 'https://login.example.com',
    clientId: 'argocd',
    adminGroups: ['platform-admins'],
  },
});

/** Staging polling only: the stack then must not set githubWebhookSecret. */
export const NO_WEBHOOK_ENVIRONMENTS = withStagingArgoCd({ gitWebhook: false });

/** The workspace's environment of that name; fails the test when there is none. */
export function environmentNamed(name: string): Environment {
  const found = workspaceEnvironments.find((e) => e.name === name);
  if (!found) throw new Error(`the workspace has no environment '${name}'`);
  return found;
}
