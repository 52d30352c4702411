import { DNS_LABEL } from '@platform/environments';
import {
  boolean,
  integer,
  matching,
  oneOf,
  optional,
  quote,
  required,
  stringList,
} from '@platform/infra-stack-kit';
import { z } from 'zod';
import { parseRepoUrl } from './repo-url.js';

/**
 * Every key of infra-bootstrap, each checked on its own (keys that depend on each other are
 * checked in bootstrap-checks.ts). Pulumi.yaml documents them and holds their defaults.
 * Secrets are plain strings here, checked for shape without ever printing them; the program
 * takes them from `pulumi.Config.requireSecret`.
 */

/** The Pulumi project name, and so the config namespace (`infra-bootstrap:<key>`). */
export const PROJECT = 'infra-bootstrap';

/** The keys the program reads with `requireSecret` (set them with `pulumi config set --secret`). */
export const SECRET_KEYS = [
  'repoSshPrivateKey',
  'githubAppPrivateKey',
  'githubWebhookSecret',
  'oidcClientSecret',
] as const;

export const REPO_ACCESS = ['public', 'ssh', 'github-app'] as const;
export const MAX_REPLICAS = 10;

const replicas = () => integer(1, MAX_REPLICAS);
/** Unset is the empty string (the Pulumi.yaml default). */
const text = () => z.string();
const dnsName = (text: string) =>
  text.length <= 253 && text.split('.').every((label) => DNS_LABEL.test(label));

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
    repoUrl: required().superRefine((url, ctx) => {
      const parsed = parseRepoUrl(url);
      if ('problem' in parsed)
        ctx.addIssue({ code: 'custom', message: `${quote(url)} ${parsed.problem}` });
    }),
    repoRevision: matching(/^[A-Za-z0-9](?!.*\.\.)[A-Za-z0-9._/-]*$/, 'a branch, tag or commit'),
    repoAccess: oneOf(REPO_ACCESS),
    repoSshPrivateKey: text(),
    githubAppId: optional(matching(/^\d+$/, 'a number')),
    githubAppInstallationId: optional(matching(/^\d+$/, 'a number')),
    githubAppPrivateKey: text(),
    gitWebhook: boolean(),
    githubWebhookSecret: text(),
    reconciliationTimeout: matching(/^[1-9]\d*(s|m|h)$/, 'a duration like 180s, 5m or 1h'),
    highAvailability: boolean(),
    controllerReplicas: replicas(),
    serverReplicas: replicas(),
    repoServerReplicas: replicas(),
    applicationSetReplicas: replicas(),
    adminEnabled: boolean(),
    ingressHost: optional(
      required().refine(dnsName, { error: (issue) => `${quote(issue.input)} is not a DNS name` }),
    ),
    ingressClassName: optional(matching(DNS_LABEL, 'an IngressClass name')),
    oidcIssuer: optional(matching(/^https:\/\/[^\s/]+(\/\S*)?$/, 'an https URL')),
    oidcClientId: optional(required()),
    oidcClientSecret: text(),
    oidcAdminGroups: stringList(matching(/\S/, 'a group name')),
  });
}

export type BootstrapFields = z.output<ReturnType<typeof bootstrapFields>>;
