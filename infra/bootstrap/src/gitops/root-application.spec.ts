import { Application } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/Application';
import { AppProject } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/AppProject';
import { describe, expect, it } from 'vitest';
import {
  platformInclude,
  rootApplicationManifest,
  rootProjectManifest,
} from './root-application.js';

const props = {
  environment: 'staging',
  repoUrl: 'https://github.com/acme/platform.git',
  revision: 'main',
} as const;

describe('the root Application', () => {
  it('syncs the AWS add-ons on EKS and the local stand-ins elsewhere, never both', () => {
    expect(platformInclude('stack-reference')).toBe('{*.yaml,aws/*.yaml}');
    expect(platformInclude('kube-context')).toBe('{*.yaml,local/*.yaml}');
  });

  it.each(['stack-reference', 'kube-context'] as const)(
    'is a valid Argo CD Application (CRD schema) reaching the cluster through %s',
    (cluster) => {
      const manifest = rootApplicationManifest({ ...props, cluster });
      expect(() =>
        new Application({
          ...manifest,
          metadata: { ...manifest.metadata, namespace: 'argocd' },
        }).validate(),
      ).not.toThrow();
    },
  );

  it('runs in a project that accepts this repository only, valid against the CRD schema', () => {
    const project = rootProjectManifest(props.repoUrl);
    expect(project.spec.sourceRepos).toEqual([props.repoUrl]);
    expect(() =>
      new AppProject({
        ...project,
        metadata: { ...project.metadata, namespace: 'argocd' },
      }).validate(),
    ).not.toThrow();
  });
});
