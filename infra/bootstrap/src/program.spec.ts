import { promiseOf } from '@platform/infra-stack-kit/testing';
import { ARGO_CD_CHART, argoCdValues } from '@platform/platform';
import { beforeAll, describe, expect, it } from 'vitest';
import { workspaceRepository } from '@platform/environments';
import { HTTPS_REPOSITORY, productionConfig, stagingConfig } from './testing/config-fixtures.js';
import { environmentNamed } from './testing/environments.js';
import { runProgram, type ProgramRun } from './testing/run-program.js';

const RELEASE = 'kubernetes:helm.sh/v3:Release';
const APPLICATION = 'kubernetes:argoproj.io/v1alpha1:Application';
const APP_PROJECT = 'kubernetes:argoproj.io/v1alpha1:AppProject';

describe('bootstrap: staging (EKS, through the cluster stack)', () => {
  let run: ProgramRun;
  beforeAll(async () => {
    run = await runProgram(stagingConfig(), 'staging');
  });

  it("installs Argo CD from the platform's one pin, in namespace argocd, under the release name git uses", () => {
    const { inputs } = run.recorder.find(RELEASE, 'argocd-release');
    expect(inputs).toMatchObject({
      chart: ARGO_CD_CHART.chart,
      repositoryOpts: { repo: ARGO_CD_CHART.repo },
      version: ARGO_CD_CHART.version,
      name: 'argocd',
      namespace: 'argocd',
      atomic: true,
    });
  });

  it("gives the release exactly the environment's values, the ones the self-managed Application applies", () => {
    const values = run.engine.get(`${RELEASE} argocd-release`)?.inputs.values;
    expect(values).toEqual(JSON.parse(JSON.stringify(argoCdValues(environmentNamed('staging')))));
    expect(values.configs.secret).toEqual({ createSecret: false });
  });

  it('installs Argo CD once: later changes are ignored and deleting the resource never uninstalls it', () => {
    const release = run.engine.get(`${RELEASE} argocd-release`);
    expect([...(release?.ignoreChanges ?? [])].sort()).toEqual([
      'chart',
      'repositoryOpts',
      'values',
      'version',
    ]);
    expect(release?.retainOnDelete).toBe(true);
  });

  it('creates argocd-secret before Argo CD, with the webhook secret under the key Argo CD reads', async () => {
    const secret = run.recorder.find('kubernetes:core/v1:Secret', 'argocd-secret').inputs;
    expect(secret.metadata).toMatchObject({
      name: 'argocd-secret',
      namespace: 'argocd',
      labels: {
        'app.kubernetes.io/name': 'argocd-secret',
        'app.kubernetes.io/part-of': 'argocd',
      },
    });
    expect(Object.keys(secret.stringData.value)).toEqual(['webhook.github.secret']);
    expect(run.engine.get(`${RELEASE} argocd-release`)?.dependencies).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/\$kubernetes:core\/v1:Secret::argocd-secret$/),
      ]),
    );
  });

  it('creates the root Application over _platform with the AWS add-ons, automated, without a finalizer', () => {
    const root = run.recorder.find(APPLICATION, 'platform-application').inputs;
    expect(root.metadata).toEqual({ name: 'platform', namespace: 'argocd' });
    expect(root.spec.source).toEqual({
      repoURL: workspaceRepository.url,
      targetRevision: workspaceRepository.revision,
      path: 'manifests/staging/_platform',
      directory: { recurse: true, exclude: '{local/*,workloads/*}' },
    });
    expect(root.spec.syncPolicy.automated).toEqual({ prune: true, selfHeal: true });
    expect(root.metadata).not.toHaveProperty('finalizers');
    expect(root.spec.project).toBe('platform-root');
  });

  it('runs the root in its own project, sources from this repository only', () => {
    const project = run.recorder.find(APP_PROJECT, 'platform-project').inputs;
    expect(project.metadata).toEqual({ name: 'platform-root', namespace: 'argocd' });
    expect(project.spec.sourceRepos).toEqual([workspaceRepository.url]);
  });

  it('creates the root only after the Argo CD release (its CRDs), argocd-secret and the repository credentials', () => {
    const dependencies = run.engine.get(`${APPLICATION} platform-application`)?.dependencies;
    expect(dependencies).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/\$kubernetes:helm\.sh\/v3:Release::argocd-release$/),
        expect.stringMatching(/\$kubernetes:core\/v1:Secret::argocd-secret$/),
        expect.stringMatching(/\$kubernetes:core\/v1:Secret::argocd-repository$/),
        expect.stringMatching(/AppProject::platform-project$/),
      ]),
    );
  });

  it('leaves to git what git owns: no apps AppProject, no ApplicationSet, no Sealed Secrets release', () => {
    expect(run.recorder.ofType(RELEASE).map((r) => r.name)).toEqual(['argocd-release']);
    expect(run.recorder.ofType(APP_PROJECT).map((r) => r.inputs.metadata.name)).toEqual([
      'platform-root',
    ]);
    expect(run.recorder.ofType(APPLICATION).map((r) => r.inputs.metadata.name)).toEqual([
      'platform',
    ]);
    expect(run.recorder.ofType('kubernetes:argoproj.io/v1alpha1:ApplicationSet')).toEqual([]);
  });

  it('protects the namespaces whose loss loses state (sealing keys; every Application), and nothing else', () => {
    const withOption = (option: 'protect' | 'retainOnDelete') =>
      [...run.engine.entries()]
        .filter(([, request]) => request[option])
        .map(([key]) => key)
        .sort();
    expect(withOption('protect')).toEqual([
      'kubernetes:core/v1:Namespace argocd-namespace',
      'kubernetes:core/v1:Namespace sealed-secrets-namespace',
    ]);
    // Retained as well (a removal leaves them in the cluster): those, Argo CD's own Secret with
    // its server key, and the release that git took over.
    expect(withOption('retainOnDelete')).toEqual([
      'kubernetes:core/v1:Namespace argocd-namespace',
      'kubernetes:core/v1:Namespace sealed-secrets-namespace',
      'kubernetes:core/v1:Secret argocd-secret',
      'kubernetes:helm.sh/v3:Release argocd-release',
    ]);
  });

  it('connects through the cluster stack, and every Kubernetes object uses that provider', () => {
    expect(run.recorder.find('pulumi:pulumi:StackReference', 'cluster-stack').inputs.name).toBe(
      'acme/infra-cluster/staging',
    );
    const kubernetes = run.recorder.resources.filter((r) => r.type.startsWith('kubernetes:'));
    expect(kubernetes.length).toBe(7);
    for (const resource of kubernetes) {
      expect(resource.provider).toMatch(/::pulumi:providers:kubernetes::cluster::/);
    }
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
      platformPath: 'manifests/staging/_platform',
      engine: 'argocd',
      engineChartVersion: ARGO_CD_CHART.version,
      root: 'platform',
    });
    expect(await promiseOf(run.outputs.engineNamespace)).toBe('argocd');
    expect(await promiseOf(run.outputs.inspect)).toBe(
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
    run = await runProgram(productionConfig(), 'production', { repository: HTTPS_REPOSITORY });
  });

  it('installs Argo CD highly available because the production environment says so', () => {
    const { values } = run.engine.get(`${RELEASE} argocd-release`)?.inputs ?? {};
    expect(values).toEqual(
      JSON.parse(JSON.stringify(argoCdValues(environmentNamed('production')))),
    );
    expect(values['redis-ha'].enabled).toBe(true);
    expect(values.server.replicas).toBe(2);
  });

  it("reads the production cluster stack and points the root at production's _platform", () => {
    expect(run.recorder.find('pulumi:pulumi:StackReference', 'cluster-stack').inputs.name).toBe(
      'acme/infra-cluster/production',
    );
    const root = run.recorder.find(APPLICATION, 'platform-application').inputs;
    expect(root.spec.source).toMatchObject({
      repoURL: 'https://github.com/acme/platform.git',
      path: 'manifests/production/_platform',
      directory: { exclude: '{local/*,workloads/*}' },
    });
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
