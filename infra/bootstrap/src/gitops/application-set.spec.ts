import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { reservedNamespaces, workspaceEnvironments } from '@platform/environments';
import { describe, expect, it } from 'vitest';
import { WORKSPACE_ROOT } from '../testing/workspace.js';
import { appProjectManifest } from './app-project.js';
import { applicationSetManifest, environmentDirectory } from './application-set.js';

const input = (environment: string) => ({
  environment,
  project: environment,
  repoUrl: 'git@github.com:acme/platform.git',
  revision: 'main',
});

describe('applicationSetManifest', () => {
  const set = applicationSetManifest(input('staging'));
  const template = set.spec?.template;

  it('generates one Application per directory under manifests/<env>/, at the configured revision', () => {
    expect(set.spec?.generators).toEqual([
      {
        git: {
          repoURL: 'git@github.com:acme/platform.git',
          revision: 'main',
          directories: [{ path: 'manifests/staging/*' }],
        },
      },
    ]);
  });

  it('puts each Application in the environment’s project, synced from its own directory', () => {
    expect(template?.spec.project).toBe('staging');
    expect(template?.spec.source).toEqual({
      repoURL: 'git@github.com:acme/platform.git',
      targetRevision: 'main',
      path: '{{.path.path}}',
      directory: { recurse: false },
    });
  });

  it('deploys each app into the namespace named like its directory, on this cluster', () => {
    expect(template?.spec.destination).toEqual({
      server: 'https://kubernetes.default.svc',
      namespace: '{{.path.basename}}',
    });
  });

  it('syncs automatically, prunes, self-heals, and never syncs an empty directory', () => {
    expect(template?.spec.syncPolicy?.automated).toEqual({
      prune: true,
      selfHeal: true,
      allowEmpty: false,
    });
  });

  it('applies server-side, prunes last, refuses shared objects, and does not create namespaces', () => {
    const options = template?.spec.syncPolicy?.syncOptions ?? [];
    expect(options).toEqual(
      expect.arrayContaining([
        'ServerSideApply=true',
        'PruneLast=true',
        'FailOnSharedResource=true',
      ]),
    );
    expect(options.some((option) => option.startsWith('CreateNamespace'))).toBe(false);
  });

  it('retries a failed sync with exponential backoff', () => {
    expect(template?.spec.syncPolicy?.retry).toEqual({
      limit: 5,
      backoff: { duration: '10s', factor: 2, maxDuration: '3m' },
    });
  });

  it('never cascades into deleting the workloads: not when emptied, not when deleted', () => {
    // A generator that yields nothing (a bad commit, a wrong revision) deletes no Application.
    expect(set.spec?.syncPolicy?.applicationsSync).toBe('create-update');
    // Deleting the ApplicationSet deletes its Applications, never their resources: that needs
    // no resources finalizer on them (a finalizer in the template would defeat the flag).
    expect(set.spec?.syncPolicy?.preserveResourcesOnDeletion).toBe(true);
    expect(template?.metadata.finalizers).toBeUndefined();
  });

  it('uses Go templates consistently: every parameter is {{.path...}}, and a missing key is an error', () => {
    expect(set.spec?.goTemplate).toBe(true);
    expect(set.spec?.goTemplateOptions).toEqual(['missingkey=error']);
    const parameters = JSON.stringify(template).match(/{{[^}]*}}/g) ?? [];
    expect(parameters.length).toBeGreaterThan(0);
    for (const parameter of parameters) expect(parameter).toMatch(/^{{\.path\.(path|basename)}}$/);
  });

  it('names Applications after the environment and the app', () => {
    expect(template?.metadata.name).toBe('staging-{{.path.basename}}');
  });
});

describe('the rendered environments the ApplicationSets point at', () => {
  const environments = workspaceEnvironments.map((e) => e.name);
  // Whatever apps the workspace holds today: an environment may hold none yet.
  const appDirectories = (environment: string) => {
    const directory = join(WORKSPACE_ROOT, environmentDirectory(environment));
    return existsSync(directory)
      ? readdirSync(directory).filter((entry) => statSync(join(directory, entry)).isDirectory())
      : [];
  };

  it.each(environments)('the %s ApplicationSet generates from manifests/<env>/*', (environment) => {
    const set = applicationSetManifest(input(environment));
    expect(set.spec?.generators?.[0]?.git?.directories?.[0]?.path).toBe(
      `manifests/${environment}/*`,
    );
  });

  it.each(environments)(
    'no app directory of %s is a namespace its AppProject denies',
    (environment) => {
      const project = appProjectManifest({
        environment,
        repoUrl: 'x',
        reservedNamespaces: reservedNamespaces(workspaceEnvironments),
      });
      const denied = (project.spec?.destinations ?? [])
        .map((destination) => destination.namespace ?? '')
        .filter((namespace) => namespace.startsWith('!'))
        .map((namespace) => namespace.slice(1));
      const deniedApps = appDirectories(environment).filter((app) =>
        denied.some((glob) =>
          glob.endsWith('*') ? app.startsWith(glob.slice(0, -1)) : app === glob,
        ),
      );
      expect(deniedApps).toEqual([]);
    },
  );
});
