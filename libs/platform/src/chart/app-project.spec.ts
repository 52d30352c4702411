import { describe, expect, it } from 'vitest';
import { appProjectManifest } from './app-project.js';
import { IN_CLUSTER } from './sync.js';

describe('appProjectManifest', () => {
  const project = appProjectManifest({
    environment: 'staging',
    repoUrl: 'git@github.com:acme/platform.git',
    reservedNamespaces: ['kube-*', 'argocd', 'monitoring'],
  });

  it('is the environment’s own project, never default, in argocd, with the foundation', () => {
    expect(project.kind).toBe('AppProject');
    expect(project.metadata.name).toBe('staging');
    expect(project.metadata.namespace).toBe('argocd');
    expect(project.metadata.annotations?.['argocd.argoproj.io/sync-wave']).toBe('-30');
  });

  it('takes sources from this repository only', () => {
    expect(project.spec?.sourceRepos).toEqual(['git@github.com:acme/platform.git']);
  });

  it('deploys into any namespace of this cluster but the platform’s, so a new app needs no change', () => {
    expect(project.spec?.destinations).toEqual([
      { server: IN_CLUSTER, namespace: '!argocd' },
      { server: IN_CLUSTER, namespace: '!kube-*' },
      { server: IN_CLUSTER, namespace: '!monitoring' },
      { server: IN_CLUSTER, namespace: '*' },
    ]);
  });

  it('allows Namespace as the only cluster-scoped kind, never by a platform name', () => {
    expect(project.spec?.clusterResourceWhitelist).toEqual([{ group: '', kind: 'Namespace' }]);
    const blacklisted = (project.spec?.clusterResourceBlacklist ?? []) as unknown as {
      group: string;
      kind: string;
      name: string;
    }[];
    expect(blacklisted.every((item) => item.group === '' && item.kind === 'Namespace')).toBe(true);
    expect(blacklisted.map((item) => item.name)).toEqual(['argocd', 'kube-*', 'monitoring']);
  });

  it('warns about objects in those namespaces that git does not declare', () => {
    expect(project.spec?.orphanedResources?.warn).toBe(true);
  });

  it('is a valid AppProject', async () => {
    const { AppProject } =
      await import('@kubernetes-models/argo-cd/argoproj.io/v1alpha1/AppProject');
    expect(() => new AppProject(project).validate()).not.toThrow();
  });
});
