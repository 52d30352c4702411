import type { RepoSettings } from '../config/bootstrap-config.js';
import type { SecretValue } from '../config/bootstrap-config.js';

/** The label that makes Argo CD read a Secret as a repository. */
export const REPOSITORY_SECRET_LABEL = { 'argocd.argoproj.io/secret-type': 'repository' } as const;

/** The repository Secret's name in the Argo CD namespace. */
export const REPOSITORY_SECRET_NAME = 'platform-repository';

/**
 * The `stringData` of Argo CD's repository Secret (declarative setup), or undefined for a public
 * repository, which needs none. Only the credentials pass through `secret`.
 */
export function repositorySecretData<S>(
  repo: RepoSettings,
  secret: (value: SecretValue) => S,
): Readonly<Record<string, string | S>> | undefined {
  const { credentials } = repo;
  const common = { type: 'git', url: repo.url };
  switch (credentials.kind) {
    case 'public':
      return undefined;
    case 'ssh':
      return { ...common, sshPrivateKey: secret(credentials.privateKey) };
    case 'github-app':
      return {
        ...common,
        githubAppID: credentials.appId,
        githubAppInstallationID: credentials.installationId,
        githubAppPrivateKey: secret(credentials.privateKey),
      };
  }
}
