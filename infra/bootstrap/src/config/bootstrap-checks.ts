import { quote } from '@platform/infra-stack-kit';
import type { z } from 'zod';
import { PROJECT, type BootstrapFields } from './bootstrap-fields.js';
import { parseRepoUrl } from './repo-url.js';

type Problem = (key: keyof BootstrapFields, message: string) => void;

const KEY_PEM = /^-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]+-----END [A-Z ]*PRIVATE KEY-----\s*$/;
const MIN_WEBHOOK_SECRET_LENGTH = 20;
const NOT_A_KEY = 'is not a private key (-----BEGIN ... PRIVATE KEY-----)';
const CREDENTIALS = {
  public: [],
  ssh: ['repoSshPrivateKey'],
  'github-app': ['githubAppId', 'githubAppInstallationId', 'githubAppPrivateKey'],
} as const;

/**
 * The checks that read more than one key, each naming the key to change. A secret's value is
 * never part of a message.
 */
export function bootstrapChecks(v: BootstrapFields, ctx: z.RefinementCtx): void {
  const problem: Problem = (key, message) => ctx.addIssue({ code: 'custom', message, path: [key] });
  // The cluster stack is compared with the environment only once the environment is valid.
  const environmentRefused = ctx.issues.some((issue) => issue.path?.[0] === 'environment');
  clusterChecks(v, problem, environmentRefused);
  repoChecks(v, problem);
  argoCdChecks(v, problem);
}

function clusterChecks(v: BootstrapFields, problem: Problem, environmentRefused: boolean): void {
  if ((v.clusterStack === undefined) === (v.kubeContext === undefined)) {
    const which = v.clusterStack === undefined ? 'neither is set' : 'both are set';
    problem('clusterStack', `this or ${PROJECT}:kubeContext must be set, not both (${which})`);
  }
  const clusterEnvironment = v.clusterStack?.split('/')[2];
  if (
    !environmentRefused &&
    clusterEnvironment !== undefined &&
    clusterEnvironment !== v.environment
  ) {
    problem(
      'clusterStack',
      `${quote(v.clusterStack)} is the cluster of '${clusterEnvironment}', not of environment '${v.environment}'`,
    );
  }
}

function repoChecks(v: BootstrapFields, problem: Problem): void {
  const access = v.repoAccess;
  const parsed = parseRepoUrl(v.repoUrl);
  const needs = access === 'ssh' ? 'ssh' : 'https';
  if (!('problem' in parsed) && parsed.transport !== needs) {
    problem(
      'repoUrl',
      `${quote(v.repoUrl)} is ${parsed.transport}, but repoAccess '${access}' needs an ${needs} URL`,
    );
  }
  const used: readonly string[] = CREDENTIALS[access];
  for (const key of Object.values(CREDENTIALS).flat()) {
    if (!used.includes(key) && (v[key] ?? '') !== '') {
      problem(key, `is set but repoAccess is '${access}': remove it (\`pulumi config rm ${key}\`)`);
    }
  }
  if (access === 'ssh') {
    if (v.repoSshPrivateKey === '') {
      problem(
        'repoSshPrivateKey',
        "is missing: repoAccess 'ssh' needs a read-only deploy key (pulumi config set --secret repoSshPrivateKey < deploy_key)",
      );
    } else if (!KEY_PEM.test(v.repoSshPrivateKey)) problem('repoSshPrivateKey', NOT_A_KEY);
  }
  if (access === 'github-app') {
    for (const key of ['githubAppId', 'githubAppInstallationId'] as const) {
      if (v[key] === undefined) {
        problem(
          key,
          "is missing: repoAccess 'github-app' needs it (the App's settings page shows it)",
        );
      }
    }
    if (v.githubAppPrivateKey === '') {
      problem(
        'githubAppPrivateKey',
        "is missing: repoAccess 'github-app' needs the App's private key (pulumi config set --secret githubAppPrivateKey < app.pem)",
      );
    } else if (!KEY_PEM.test(v.githubAppPrivateKey)) problem('githubAppPrivateKey', NOT_A_KEY);
  }
}

function argoCdChecks(v: BootstrapFields, problem: Problem): void {
  const secret = v.githubWebhookSecret;
  if (v.gitWebhook && secret === '') {
    problem(
      'githubWebhookSecret',
      'is missing: gitWebhook is true (pulumi config set --secret githubWebhookSecret "$(openssl rand -hex 20)"), or set gitWebhook to false',
    );
  } else if (secret !== '' && secret.length < MIN_WEBHOOK_SECRET_LENGTH) {
    problem(
      'githubWebhookSecret',
      `is shorter than ${MIN_WEBHOOK_SECRET_LENGTH} characters (openssl rand -hex 20)`,
    );
  } else if (!v.gitWebhook && secret !== '') {
    problem('githubWebhookSecret', 'is set but gitWebhook is false: remove one of them');
  }
  if (v.ingressClassName !== undefined && v.ingressHost === undefined) {
    problem('ingressClassName', 'is set but ingressHost is not: the Ingress needs a host');
  }
  if (v.highAvailability) {
    for (const key of ['serverReplicas', 'repoServerReplicas', 'applicationSetReplicas'] as const) {
      if (v[key] < 2) problem(key, `'${v[key]}' must be at least 2 when highAvailability is true`);
    }
  }
  if (v.oidcIssuer === undefined) {
    if (v.oidcClientId !== undefined) problem('oidcClientId', 'is set but oidcIssuer is not');
    if (v.oidcClientSecret !== '') problem('oidcClientSecret', 'is set but oidcIssuer is not');
    if (v.oidcAdminGroups.length > 0) problem('oidcAdminGroups', 'is set but oidcIssuer is not');
    return;
  }
  if (v.oidcClientId === undefined) {
    problem('oidcClientId', 'is missing: SSO needs the client id registered with the issuer');
  }
  if (v.oidcClientSecret === '') {
    problem(
      'oidcClientSecret',
      'is missing: SSO needs the client secret (pulumi config set --secret oidcClientSecret)',
    );
  }
}
