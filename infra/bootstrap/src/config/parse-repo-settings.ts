import type { RepoCredentials, RepoSettings } from './bootstrap-config.js';
import type { ConfigReader } from './config-reader.js';
import { parseRepoUrl } from './repo-url.js';

const REVISION = /^[A-Za-z0-9][A-Za-z0-9._/-]*$/;
const KEY_PEM = /^-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]+-----END [A-Z ]*PRIVATE KEY-----\s*$/;

/** The repository Argo CD clones, and the credentials that fit its URL. */
export function parseRepoSettings(reader: ConfigReader): RepoSettings | undefined {
  const url = reader.required('repoUrl', 'the URL of this repository, which Argo CD clones');
  const revision = reader.text('repoRevision') ?? '';
  if (!REVISION.test(revision) || revision.includes('..')) {
    reader.problem('repoRevision', `'${revision}' is not a branch, tag or commit`);
  }
  const parsed = url === undefined ? undefined : parseRepoUrl(url);
  if (parsed && 'problem' in parsed) reader.problem('repoUrl', `'${url}' ${parsed.problem}`);
  const credentials = parseCredentials(reader);
  if (!parsed || 'problem' in parsed || !credentials) return undefined;

  const needs = credentials.kind === 'ssh' ? 'ssh' : 'https';
  if (parsed.transport !== needs) {
    reader.problem(
      'repoUrl',
      `'${url}' is ${parsed.transport}, but repoAccess '${credentials.kind}' needs an ${needs} URL`,
    );
  }
  return { url: parsed.url, transport: parsed.transport, revision, credentials };
}

function parseCredentials(reader: ConfigReader): RepoCredentials | undefined {
  const access = reader.required('repoAccess', "'public', 'ssh' (deploy key) or 'github-app'");
  const sshKey = reader.secret('repoSshPrivateKey');
  const appKey = reader.secret('githubAppPrivateKey');
  const unused = (
    keys: readonly (
      'repoSshPrivateKey' | 'githubAppId' | 'githubAppInstallationId' | 'githubAppPrivateKey'
    )[],
  ) => {
    for (const key of keys.filter((k) => reader.isSet(k))) {
      reader.problem(
        key,
        `is set but repoAccess is '${access}': remove it (\`pulumi config rm ${key}\`)`,
      );
    }
  };
  switch (access) {
    case 'public':
      unused([
        'repoSshPrivateKey',
        'githubAppId',
        'githubAppInstallationId',
        'githubAppPrivateKey',
      ]);
      return { kind: 'public' };
    case 'ssh':
      unused(['githubAppId', 'githubAppInstallationId', 'githubAppPrivateKey']);
      if (!sshKey) {
        reader.problem(
          'repoSshPrivateKey',
          "is missing: repoAccess 'ssh' needs a read-only deploy key (pulumi config set --secret repoSshPrivateKey < deploy_key)",
        );
        return undefined;
      }
      if (!KEY_PEM.test(sshKey.reveal()))
        reader.problem(
          'repoSshPrivateKey',
          'is not a private key (-----BEGIN ... PRIVATE KEY-----)',
        );
      return { kind: 'ssh', privateKey: sshKey };
    case 'github-app': {
      unused(['repoSshPrivateKey']);
      const appId = digits(reader, 'githubAppId');
      const installationId = digits(reader, 'githubAppInstallationId');
      if (!appKey) {
        reader.problem(
          'githubAppPrivateKey',
          "is missing: repoAccess 'github-app' needs the App's private key (pulumi config set --secret githubAppPrivateKey < app.pem)",
        );
        return undefined;
      }
      if (!KEY_PEM.test(appKey.reveal()))
        reader.problem(
          'githubAppPrivateKey',
          'is not a private key (-----BEGIN ... PRIVATE KEY-----)',
        );
      return appId && installationId
        ? { kind: 'github-app', appId, installationId, privateKey: appKey }
        : undefined;
    }
    case undefined:
      return undefined;
    default:
      reader.problem('repoAccess', `'${access}' is not one of public, ssh, github-app`);
      return undefined;
  }
}

function digits(
  reader: ConfigReader,
  key: 'githubAppId' | 'githubAppInstallationId',
): string | undefined {
  const value = reader.required(
    key,
    "repoAccess 'github-app' needs it (the App's settings page shows it)",
  );
  if (value !== undefined && !/^\d+$/.test(value))
    reader.problem(key, `'${value}' is not a number`);
  return value;
}
