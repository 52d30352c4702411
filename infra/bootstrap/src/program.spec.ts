import { beforeAll, describe, expect, it } from 'vitest';
import { productionConfig, stagingConfig } from './testing/config-fixtures.js';
import { promiseOf } from '@platform/infra-stack-kit/testing';
import { runProgram, type ProgramRun } from './testing/run-program.js';

const RELEASE = 'kubernetes:helm.sh/v3:Release';
const APP_PROJECT = 'kubernetes:argoproj.io/v1alpha1:AppProject';
const APPLICATION_SET = 'kubernetes:argoproj.io/v1alpha1:ApplicationSet';

describe('bootstrap: staging', () => {
  let run: ProgramRun;
  beforeAll(async () => {
    run = await runProgram(stagingConfig(), 'staging');
  });

  it('installs Argo CD from the official chart, pinned to an exact version, in namespace argocd', () => {
    const { inputs } = run.recorder.find(RELEASE, 'argocd-release');
    expect(inputs).toMatchObject({
      chart: 'argo-cd',
      repositoryOpts: { repo: 'https://argoproj.github.io/argo-helm' },
      version: '10.10.2',
      name: 'argocd',
      namespace: 'argocd',
    });
    expect(inputs.version).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('protects the Sealed Secrets namespace and release (the sealing keys live there), and nothing else', () => {
    const protectedResources = [...run.engine.entries()]
      .filter(([, request]) => request.protect)
      .map(([key]) => key)
      .sort();
    expect(protectedResources).toEqual([
      'kubernetes:core/v1:Namespace sealed-secrets-namespace',
      'kubernetes:helm.sh/v3:Release sealed-secrets-release',
    ]);
  });

  it('installs Sealed Secrets from its chart, pinned, under the name kubeseal looks for', () => {
    const { inputs } = run.recorder.find(RELEASE, 'sealed-secrets-release');
    expect(inputs).toMatchObject({
      chart: 'sealed-secrets',
      repositoryOpts: { repo: 'https://bitnami-labs.github.io/sealed-secrets' },
      version: '2.20.0',
      namespace: 'sealed-secrets',
      values: { fullnameOverride: 'sealed-secrets-controller' },
    });
  });

  it('passes the chosen values to the Argo CD release', () => {
    const values = run.engine.get(`${RELEASE} argocd-release`)?.inputs.values;
    expect(values.server.service.type).toBe('ClusterIP');
    expect(values.configs.cm['admin.enabled']).toBe('false');
    expect(values.configs.cm['timeout.reconciliation']).toBe('180s');
    expect(values['redis-ha'].enabled).toBe(false);
    expect(values.configs.secret.githubSecret).toBeDefined();
  });

  it('connects through the cluster stack, and every Kubernetes object uses that provider', () => {
    expect(run.recorder.find('pulumi:pulumi:StackReference', 'cluster-stack').inputs.name).toBe(
      'acme/infra-cluster/staging',
    );
    const kubernetes = run.recorder.resources.filter((resource) =>
      resource.type.startsWith('kubernetes:'),
    );
    expect(kubernetes.length).toBeGreaterThanOrEqual(6);
    for (const resource of kubernetes) {
      expect(resource.provider).toMatch(/::pulumi:providers:kubernetes::cluster::/);
    }
  });

  it('creates one AppProject and one ApplicationSet for the environment, in the Argo CD namespace', () => {
    expect(run.recorder.ofType(APP_PROJECT)).toHaveLength(1);
    expect(run.recorder.ofType(APPLICATION_SET)).toHaveLength(1);
    const project = run.recorder.find(APP_PROJECT, 'staging-project').inputs;
    const set = run.recorder.find(APPLICATION_SET, 'staging-applications').inputs;
    expect(project.metadata).toMatchObject({ name: 'staging', namespace: 'argocd' });
    expect(project.spec.destinations.at(-1)).toEqual({
      server: 'https://kubernetes.default.svc',
      namespace: '*',
    });
    expect(project.spec.destinations).toContainEqual({
      server: 'https://kubernetes.default.svc',
      namespace: '!argocd',
    });
    expect(set.metadata).toMatchObject({ name: 'staging', namespace: 'argocd' });
    expect(set.spec.generators[0].git.directories).toEqual([{ path: 'manifests/staging/*' }]);
    expect(set.spec.template.spec.project).toBe('staging');
  });

  it('creates the AppProject and ApplicationSet only after Argo CD (and its CRDs), Sealed Secrets and the repository credentials', () => {
    for (const key of [
      `${APP_PROJECT} staging-project`,
      `${APPLICATION_SET} staging-applications`,
    ]) {
      const dependencies = run.engine.get(key)?.dependencies ?? [];
      expect(dependencies).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/\$kubernetes:helm\.sh\/v3:Release::argocd-release$/),
          expect.stringMatching(/\$kubernetes:helm\.sh\/v3:Release::sealed-secrets-release$/),
          expect.stringMatching(/\$kubernetes:core\/v1:Secret::argocd-repository$/),
        ]),
      );
    }
    expect(run.engine.get(`${APPLICATION_SET} staging-applications`)?.dependencies).toEqual(
      expect.arrayContaining([expect.stringMatching(/AppProject::staging-project$/)]),
    );
  });

  it('names every Kubernetes object explicitly, so nothing is auto-named with a random suffix', () => {
    for (const resource of run.recorder.resources.filter((r) => r.type.startsWith('kubernetes:'))) {
      const name =
        resource.type === RELEASE ? resource.inputs.name : resource.inputs.metadata?.name;
      expect({ resource: resource.name, name }).toEqual({
        resource: resource.name,
        name: expect.stringMatching(/^[a-z0-9-]+$/),
      });
    }
  });

  it('exports where things are and how to reach the server', async () => {
    expect(run.outputs).toMatchObject({
      environment: 'staging',
      cluster: 'stack acme/infra-cluster/staging',
      manifestsPath: 'manifests/staging',
      argocdChartVersion: '10.10.2',
      appProject: 'staging',
      applicationSet: 'staging',
    });
    expect(await promiseOf(run.outputs.portForward)).toBe(
      'kubectl --namespace argocd port-forward svc/argocd-server 8080:443',
    );
  });

  it('declares the same inputs on a second run: a second `up` changes nothing', async () => {
    const again = await runProgram(stagingConfig(), 'staging');
    const snapshot = (r: ProgramRun) =>
      [...r.engine.entries()].map(([key, request]) => [key, request.inputs]);
    expect(snapshot(again)).toEqual(snapshot(run));
  });
});

describe('bootstrap: production', () => {
  let run: ProgramRun;
  beforeAll(async () => {
    run = await runProgram(productionConfig(), 'production');
  });

  it('runs Argo CD highly available', () => {
    const { values } = run.engine.get(`${RELEASE} argocd-release`)?.inputs ?? {};
    expect(values['redis-ha'].enabled).toBe(true);
    expect(values.server.replicas).toBe(2);
    expect(values.repoServer.replicas).toBe(2);
    expect(values.applicationSet.replicas).toBe(2);
  });

  it('reads the production cluster stack and wires the production directory', () => {
    expect(run.recorder.find('pulumi:pulumi:StackReference', 'cluster-stack').inputs.name).toBe(
      'acme/infra-cluster/production',
    );
    const set = run.recorder.find(APPLICATION_SET, 'production-applications').inputs;
    expect(set.spec.generators[0].git).toMatchObject({
      repoURL: 'https://github.com/acme/platform.git',
      directories: [{ path: 'manifests/production/*' }],
    });
    expect(run.recorder.find(APP_PROJECT, 'production-project').inputs.spec.sourceRepos).toEqual([
      'https://github.com/acme/platform.git',
    ]);
  });

  it('stores the GitHub App credentials in a repository Secret Argo CD recognises', () => {
    const secret = run.recorder.find('kubernetes:core/v1:Secret', 'argocd-repository').inputs;
    expect(secret.metadata).toMatchObject({
      name: 'platform-repository',
      namespace: 'argocd',
      labels: { 'argocd.argoproj.io/secret-type': 'repository' },
    });
    expect(secret.stringData.value).toMatchObject({
      type: 'git',
      url: 'https://github.com/acme/platform.git',
      githubAppID: '123456',
      githubAppInstallationID: '7890123',
    });
  });
});
