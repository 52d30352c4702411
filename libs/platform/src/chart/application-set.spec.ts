import { describe, expect, it } from 'vitest';
import { applicationSetManifest } from './application-set.js';

const set = applicationSetManifest({
  environment: 'staging',
  project: 'staging',
  repoUrl: 'git@github.com:acme/platform.git',
  revision: 'main',
});
const template = set.spec?.template;

describe('applicationSetManifest', () => {
  it('generates one Application per app directory under manifests/<env>/, never for _platform', () => {
    expect(set.spec?.generators).toEqual([
      {
        git: {
          repoURL: 'git@github.com:acme/platform.git',
          revision: 'main',
          directories: [
            { path: 'manifests/staging/*' },
            { path: 'manifests/staging/_platform', exclude: true },
          ],
        },
      },
    ]);
  });

  it('comes with the controllers: after the CRDs, before the certificate-bound Gateway', () => {
    expect(set.metadata.namespace).toBe('argocd');
    expect(set.metadata.annotations?.['argocd.argoproj.io/sync-wave']).toBe('-10');
  });

  it('puts each Application in the environment’s project, synced from its own directory', () => {
    expect(template?.spec.project).toBe('staging');
    expect(template?.spec.source).toEqual({
      repoURL: 'git@github.com:acme/platform.git',
      targetRevision: 'main',
      path: '{{.path.path}}',
      directory: { recurse: false, exclude: 'kustomization.yaml' },
    });
    expect(template?.spec.destination).toEqual({
      server: 'https://kubernetes.default.svc',
      namespace: '{{.path.basename}}',
    });
  });

  it('syncs automatically, server-side, prunes last, refuses shared objects, never syncs empty', () => {
    expect(template?.spec.syncPolicy?.automated).toEqual({
      prune: true,
      selfHeal: true,
      allowEmpty: false,
    });
    const options = template?.spec.syncPolicy?.syncOptions ?? [];
    expect(options).toEqual([
      'ServerSideApply=true',
      'PruneLast=true',
      'FailOnSharedResource=true',
    ]);
    expect(template?.spec.syncPolicy?.retry).toEqual({
      limit: 5,
      backoff: { duration: '10s', factor: 2, maxDuration: '3m' },
    });
  });

  it('never cascades into deleting the workloads: not when emptied, not when deleted', () => {
    expect(set.spec?.syncPolicy?.applicationsSync).toBe('create-update');
    expect(set.spec?.syncPolicy?.preserveResourcesOnDeletion).toBe(true);
    expect(template?.metadata.finalizers).toBeUndefined();
  });

  it('uses Go templates consistently: every parameter is {{.path...}}, and a missing key is an error', () => {
    expect(set.spec?.goTemplate).toBe(true);
    expect(set.spec?.goTemplateOptions).toEqual(['missingkey=error']);
    const parameters = JSON.stringify(template).match(/{{[^}]*}}/g) ?? [];
    expect(parameters.length).toBeGreaterThan(0);
    for (const parameter of parameters) expect(parameter).toMatch(/^{{\.path\.(path|basename)}}$/);
    expect(template?.metadata.name).toBe('staging-{{.path.basename}}');
  });

  it('is a valid ApplicationSet', async () => {
    const { ApplicationSet } =
      await import('@kubernetes-models/argo-cd/argoproj.io/v1alpha1/ApplicationSet');
    expect(() => new ApplicationSet(set).validate()).not.toThrow();
  });
});
