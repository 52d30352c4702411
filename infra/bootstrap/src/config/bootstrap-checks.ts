import { engineOf, type Environment, type WorkspaceRepository } from '@platform/environments';
import { quote } from '@platform/infra-stack-kit';
import type { z } from 'zod';
import { argoCdSecretChecks } from './argocd-secret-checks.js';
import { PROJECT, type BootstrapFields } from './bootstrap-fields.js';
import { parseRepoUrl } from './repo-url.js';

/** Reports a problem with one key; the message follows the `infra-bootstrap:<key>: ` prefix. */
export type Problem = (key: keyof BootstrapFields, message: string) => void;

const KEY_PEM = /^-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]+-----END [A-Z ]*PRIVATE KEY-----\s*$/;
const NOT_A_KEY = 'is not a private key (-----BEGIN ... PRIVATE KEY-----)';
/** Where `repository` is written: the problem names it, as no stack key holds the URL. */
const REPOSITORY_SOURCE = 'workspaceRepository in libs/environments/src/repository.ts';
const REVISION = /^[A-Za-z0-9](?!.*\.\.)[A-Za-z0-9._/-]*$/;
const CREDENTIALS = {
  public: [],
  ssh: ['repoSshPrivateKey'],
  'github-app': ['githubAppId', 'githubAppInstallationId', 'githubAppPrivateKey'],
} as const;

/**
 * The checks that read more than one key (or a key and the workspace's data: the environment,
 * the repository), each naming the key to change. A secret's value is never part of a message.
 */
export function bootstrapChecks(
  v: BootstrapFields,
  ctx: z.RefinementCtx,
  environments: readonly Environment[],
  repository: WorkspaceRepository,
): void {
  const problem: Problem = (key, message) => ctx.addIssue({ code: 'custom', message, path: [key] });
  // The cluster stack is compared with the environment only once the environment is valid.
  const environmentRefused = ctx.issues.some((issue) => issue.path?.[0] === 'environment');
  clusterChecks(v, problem, environmentRefused);
  repoChecks(v, problem, repository);
  const environment = environments.find((e) => e.name === v.environment);
  if (environmentRefused || !environment) return;
  if (engineOf(environment) === 'flux') fluxChecks(v, environment, problem);
  else {
    argoCdSecretChecks(v, environment, problem);
    for (const key of FLUX_KEYS) {
      if (v[key] !== '')
        problem(
          key,
          `is set but environment '${environment.name}' runs Argo CD, which does not use it: remove it (pulumi config rm ${key})`,
        );
    }
  }
}

const FLUX_KEYS = ['repoKnownHosts', 'commitStatusToken'] as const;
const ARGO_CD_KEYS = ['githubWebhookSecret', 'oidcClientSecret'] as const;
/** A known_hosts line: host patterns, a key type, base64. */
const KNOWN_HOST =
  /^\S+ (ssh-ed25519|ssh-rsa|ecdsa-sha2-nistp(256|384|521)|sk-\S+) [A-Za-z0-9+/=]+$/;

/** An environment on Flux: no Argo CD secret; an SSH repository needs its host's keys. */
function fluxChecks(v: BootstrapFields, environment: Environment, problem: Problem): void {
  const name = `environment '${environment.name}'`;
  for (const key of ARGO_CD_KEYS) {
    if (v[key] !== '')
      problem(
        key,
        `is set but ${name} runs Flux, which does not use it: remove it (pulumi config rm ${key})`,
      );
  }
  if (v.repoAccess === 'ssh' && v.repoKnownHosts === '') {
    problem(
      'repoKnownHosts',
      `is missing: ${name} runs Flux, which verifies the repository's SSH host (ssh-keyscan <host> | pulumi config set repoKnownHosts)`,
    );
  } else if (v.repoAccess !== 'ssh' && v.repoKnownHosts !== '') {
    problem(
      'repoKnownHosts',
      `is set but repoAccess is '${v.repoAccess}': remove it (pulumi config rm repoKnownHosts)`,
    );
  }
  const lines = v.repoKnownHosts
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  const bad = lines.find((line) => !KNOWN_HOST.test(line));
  if (bad !== undefined)
    problem(
      'repoKnownHosts',
      `holds a line that is not a known_hosts entry: ${quote(bad.slice(0, 60))}`,
    );
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

function repoChecks(v: BootstrapFields, problem: Problem, repository: WorkspaceRepository): void {
  const access = v.repoAccess;
  transportChecks(access, problem, repository);
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

/**
 * The repository's URL and revision are workspace data, not keys, so their problems are reported
 * on repoAccess, the key that must agree with the URL's transport, naming where the URL is written.
 */
function transportChecks(
  access: BootstrapFields['repoAccess'],
  problem: Problem,
  repository: WorkspaceRepository,
): void {
  const url = quote(repository.url);
  const parsed = parseRepoUrl(repository.url);
  const needs = access === 'ssh' ? 'ssh' : 'https';
  if ('problem' in parsed) {
    problem(
      'repoAccess',
      `cannot be used: the repository URL ${url} (${REPOSITORY_SOURCE}) ${parsed.problem}`,
    );
  } else if (parsed.transport !== needs) {
    problem(
      'repoAccess',
      `'${access}' needs an ${needs} repository URL, but ${url} (${REPOSITORY_SOURCE}) is ${parsed.transport}: change one of them`,
    );
  }
  if (!REVISION.test(repository.revision)) {
    problem(
      'repoAccess',
      `cannot be used: the repository revision ${quote(repository.revision)} (${REPOSITORY_SOURCE}) is not a branch, tag or commit`,
    );
  }
}
