import type { Environment } from '@platform/environments';
import { workspaceEnvironments } from '@platform/environments';
import { testEnvironment } from '@platform/environments/testing';

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

/**
 * A hub-and-spoke environment of the tests' own (not the workspace's data): a hub that runs
 * Argo CD and two workload clusters in other regions, one with values of its own.
 */
export const HUB_AND_SPOKE = testEnvironment('retail', {
  clusters: [
    { name: 'mgmt', region: 'eu-central-1', stack: 'retail-mgmt', role: 'hub' },
    { name: 'emea', region: 'eu-west-3', stack: 'retail-emea' },
    {
      name: 'apac',
      region: 'ap-southeast-2',
      stack: 'retail-apac',
      values: { logLevel: 'warn' },
    },
  ],
});

/** The workspace's environments and the hub-and-spoke one. */
export const HUB_AND_SPOKE_ENVIRONMENTS: readonly Environment[] = [
  ...workspaceEnvironments,
  HUB_AND_SPOKE,
];
