import type { IGitRepository } from '@kubernetes-models/flux-cd/source.toolkit.fluxcd.io/v1/GitRepository';
import type { IKustomization } from '@kubernetes-models/flux-cd/kustomize.toolkit.fluxcd.io/v1/Kustomization';
import {
  AWS_ADDONS_DIRECTORY,
  FLUX_GIT_REPOSITORY,
  FLUX_NAMESPACE,
  FLUX_ROOT_KUSTOMIZATION,
  LOCAL_ADDONS_DIRECTORY,
  platformPath,
} from '@platform/platform';
import type { ClusterAccess, RepoSettings, SecretValue } from '../config/bootstrap-config.js';
import { asUrl } from '../config/repo-url.js';

/** The Secret of the repository's credentials, in flux-system (none for a public repository). */
export const FLUX_REPOSITORY_SECRET = 'platform-repository';

/** A full commit SHA is followed as a commit; anything else as a branch. */
function reference(revision: string): { branch: string } | { commit: string } {
  return /^[0-9a-f]{40}$/.test(revision) ? { commit: revision } : { branch: revision };
}

/** The GitRepository every Kustomization of the workspace builds from: this repository. */
export function gitRepositoryManifest(repo: RepoSettings): IGitRepository {
  return {
    apiVersion: 'source.toolkit.fluxcd.io/v1',
    kind: 'GitRepository',
    metadata: { name: FLUX_GIT_REPOSITORY, namespace: FLUX_NAMESPACE },
    spec: {
      interval: '1m',
      // Flux takes no scp-like address: `git@host:org/repo.git` as `ssh://git@host/org/repo.git`.
      url: asUrl(repo.url),
      ref: reference(repo.revision),
      ...(repo.credentials.kind === 'public'
        ? {}
        : { secretRef: { name: FLUX_REPOSITORY_SECRET } }),
      // A GitHub App's installation token, minted by source-controller from the Secret.
      ...(repo.credentials.kind === 'github-app' ? { provider: 'github' } : {}),
    },
  } satisfies IGitRepository;
}

/**
 * The root Kustomization: `manifests/<env>/_platform/aws` on EKS or `/local` on kind (the
 * cluster kind's root, which holds the layer's Kustomizations and the apps'). Pruned; not
 * waited on, since the Kustomizations it applies report their own health (waiting here would
 * make the root's health every app's).
 */
export function rootKustomizationManifest(
  environment: string,
  cluster: ClusterAccess['kind'],
): IKustomization {
  const kind = cluster === 'stack-reference' ? AWS_ADDONS_DIRECTORY : LOCAL_ADDONS_DIRECTORY;
  return {
    apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
    kind: 'Kustomization',
    metadata: { name: FLUX_ROOT_KUSTOMIZATION, namespace: FLUX_NAMESPACE },
    spec: {
      interval: '10m',
      retryInterval: '1m',
      timeout: '5m',
      path: `./${platformPath(environment)}/${kind}`,
      prune: true,
      wait: false,
      sourceRef: { kind: 'GitRepository', name: FLUX_GIT_REPOSITORY },
    },
  } satisfies IKustomization;
}

/** The Secret's data for Flux's git credentials (source-controller's keys), or undefined. */
export function fluxRepositorySecretData<S>(
  repo: RepoSettings,
  knownHosts: string | undefined,
  secret: (value: SecretValue) => S,
): Readonly<Record<string, string | S>> | undefined {
  const { credentials } = repo;
  switch (credentials.kind) {
    case 'public':
      return undefined;
    case 'ssh':
      return { identity: secret(credentials.privateKey), known_hosts: knownHosts ?? '' };
    case 'github-app':
      return {
        githubAppID: credentials.appId,
        githubAppInstallationID: credentials.installationId,
        githubAppPrivateKey: secret(credentials.privateKey),
      };
  }
}
