import { matching, oneOf, optional, quote, required } from '@platform/infra-stack-kit';
import { z } from 'zod';

/**
 * Every key of infra-bootstrap, each checked on its own (keys that depend on each other are
 * checked in bootstrap-checks.ts). Pulumi.yaml documents them and holds their defaults.
 * Secrets are plain strings here, checked for shape without ever printing them; the program
 * takes them from `pulumi.Config.requireSecret`. Argo CD's settings (HA, replicas, webhook,
 * Ingress, SSO) are not keys: they are environment data (libs/environments `argocd`), because
 * git owns Argo CD after the first install and applies the same values from the same data.
 * Nor are the repository's URL and revision: they are libs/environments' `workspaceRepository`,
 * which the rendered platform layer carries too, and Argo CD matches the repository Secret to
 * an Application's `repoURL` by exact text, so one declaration serves both.
 */

/** The Pulumi project name, and so the config namespace (`infra-bootstrap:<key>`). */
export const PROJECT = 'infra-bootstrap';

/** The keys the program reads with `requireSecret` (set them with `pulumi config set --secret`). */
export const SECRET_KEYS = [
  'repoSshPrivateKey',
  'githubAppPrivateKey',
  'githubWebhookSecret',
  'oidcClientSecret',
  'commitStatusToken',
] as const;

export const REPO_ACCESS = ['public', 'ssh', 'github-app'] as const;

/** Unset is the empty string (the Pulumi.yaml default). */
const text = () => z.string();

/** The fields, for a stack named `stack` among the workspace's `environments`. */
export function bootstrapFields(stack: string, environments: readonly string[]) {
  const known = environments.join(', ');
  return z.strictObject({
    // One issue at most, and never an aborting one: the cross-key checks still run.
    environment: required().superRefine((name, ctx) => {
      const message = !environments.includes(name)
        ? `${quote(name)} is not an environment of the workspace (known: ${known})`
        : environments.includes(stack) && name !== stack
          ? `${quote(name)} does not match the stack: stack '${stack}' bootstraps environment '${stack}' (only a stack not named after an environment, like 'local', chooses)`
          : undefined;
      if (message) ctx.addIssue({ code: 'custom', message });
    }),
    clusterStack: optional(
      matching(
        /^[^/\s]+\/infra-cluster\/[^/\s]+$/,
        'a stack of the cluster project (<org>/infra-cluster/<stack>)',
      ),
    ),
    kubeContext: optional(matching(/^\S+$/, 'a kubeconfig context name')),
    repoAccess: oneOf(REPO_ACCESS),
    repoSshPrivateKey: text(),
    githubAppId: optional(matching(/^\d+$/, 'a number')),
    githubAppInstallationId: optional(matching(/^\d+$/, 'a number')),
    githubAppPrivateKey: text(),
    githubWebhookSecret: text(),
    oidcClientSecret: text(),
    repoKnownHosts: text(),
    commitStatusToken: text(),
  });
}

export type BootstrapFields = z.output<ReturnType<typeof bootstrapFields>>;
