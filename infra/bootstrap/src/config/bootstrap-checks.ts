import {
  clusterTopology,
  engineClusterStack,
  engineOf,
  type ClusterTopology,
  type Environment,
  type WorkspaceRepository,
} from '@platform/environments';
import { quote } from '@platform/infra-stack-kit';
import type { z } from 'zod';
import { argoCdSecretChecks } from './argocd-secret-checks.js';
import { PROJECT, type BootstrapFields } from './bootstrap-fields.js';
import { siblingStack } from './cluster-stacks.js';
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
  const environment = environmentRefused
    ? undefined
    : environments.find((e) => e.name === v.environment);
  const topology = environment && topologyOf(environment, problem);
  clusterChecks(v, problem, environment && topology ? { environment, topology } : undefined);
  repoChecks(v, problem, repository);
  if (!environment) return;
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

/** The environment's clusters (libs/environments checks them), or undefined, reported, when invalid. */
function topologyOf(environment: Environment, problem: Problem): ClusterTopology | undefined {
  try {
    return clusterTopology(environment);
  } catch (error) {
    problem('environment', `cannot be bootstrapped: ${(error as Error).message}`);
    return undefined;
  }
}

/**
 * One of clusterStack and kubeContext, and the right cluster: the stack named after the
 * environment, or a hub-and-spoke environment's hub (which runs its one Argo CD). A hub and
 * its workload clusters are EKS only: the hub's Argo CD reaches them through IAM, so a
 * kubeconfig context (kind) cannot bootstrap them.
 */
function clusterChecks(
  v: BootstrapFields,
  problem: Problem,
  data: { readonly environment: Environment; readonly topology: ClusterTopology } | undefined,
): void {
  if ((v.clusterStack === undefined) === (v.kubeContext === undefined)) {
    const which = v.clusterStack === undefined ? 'neither is set' : 'both are set';
    problem('clusterStack', `this or ${PROJECT}:kubeContext must be set, not both (${which})`);
  }
  if (!data) return;
  const { environment, topology } = data;
  const name = `environment '${environment.name}'`;
  if (topology.kind === 'hub-and-spoke' && v.kubeContext !== undefined) {
    problem(
      'kubeContext',
      `cannot bootstrap ${name}: it has a hub and workload clusters (libs/environments clusters), which are EKS only, and its Argo CD reaches them through IAM (EKS Pod Identity), which a kubeconfig context (kind) cannot give; set clusterStack to the hub's stack, <org>/infra-cluster/${topology.hub.stack}, instead`,
    );
  }
  const given = v.clusterStack?.split('/')[2];
  // The cluster that runs the environment's engine: the hub, or its one cluster.
  const expected = engineClusterStack(environment).stack;
  if (v.clusterStack === undefined || given === expected) return;
  const expectedName = siblingStack(v.clusterStack, expected);
  problem(
    'clusterStack',
    topology.kind === 'single'
      ? `${quote(v.clusterStack)} is the cluster of '${String(given)}', not of ${name} (${quote(expectedName)})`
      : `${quote(v.clusterStack)} is not the hub of ${name}: the bootstrap connects to its hub '${topology.hub.name}', ${quote(expectedName)}, which registers the workload clusters`,
  );
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
