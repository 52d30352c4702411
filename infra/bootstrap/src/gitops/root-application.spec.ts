import { Application } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/Application';
import { AppProject } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/AppProject';
import { describe, expect, it } from 'vitest';
import { rootApplicationManifest, rootProjectManifest } from './root-application.js';

const props = {
  environment: 'staging',
  repoUrl: 'https://github.com/acme/platform.git',
  revision: 'main',
} as const;

describe('the root Application', () => {
  it("syncs the AWS add-ons on EKS and the local stand-ins elsewhere, never both, and never the workload clusters' platform", () => {
    const files = [
      'namespaces.yaml',
      'aws/cluster-issuer.yaml',
      'local/cluster-issuer.yaml',
      'workloads/namespaces.yaml',
      'workloads/aws/cluster-issuer.yaml',
      'workloads.yaml',
    ];
    const synced = (cluster: 'stack-reference' | 'kube-context') => {
      const { directory } = rootApplicationManifest({ ...props, cluster }).spec.source!;
      return files.filter(
        (file) =>
          (directory?.include === undefined || argoCdGlob(directory.include, file)) &&
          (directory?.exclude === undefined || !argoCdGlob(directory.exclude, file)),
      );
    };
    expect(synced('stack-reference')).toEqual([
      'namespaces.yaml',
      'aws/cluster-issuer.yaml',
      'workloads.yaml',
    ]);
    expect(synced('kube-context')).toEqual([
      'namespaces.yaml',
      'local/cluster-issuer.yaml',
      'workloads.yaml',
    ]);
  });

  it('models Argo CD globs faithfully: `*` spans `/`, which is why an include cannot pick a kind', () => {
    expect(argoCdGlob('{*.yaml,aws/*.yaml}', 'local/cluster-issuer.yaml')).toBe(true);
    expect(argoCdGlob('local/*', 'localhost.yaml')).toBe(false);
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

/**
 * How Argo CD's repo server matches `directory.include`/`exclude` against a file's path under
 * the source path: gobwas/glob compiled without separators, so `*` matches any run of
 * characters, `/` included, `?` one character, `{a,b}` either. (util/glob in argo-cd.)
 */
function argoCdGlob(pattern: string, path: string): boolean {
  const translate = (char: string, depth: number): string => {
    if (char === '*') return '.*';
    if (char === '?') return '.';
    if (char === '{') return '(?:';
    if (char === '}') return ')';
    if (char === ',' && depth > 0) return '|';
    return char.replace(/[.+^$()|[\]\\]/g, '\\$&');
  };
  let source = '';
  let depth = 0;
  for (const char of pattern) {
    if (char === '}') depth -= 1;
    source += translate(char, depth);
    if (char === '{') depth += 1;
  }
  return new RegExp(`^${source}$`).test(path);
}
