import { GitRepository } from '@kubernetes-models/flux-cd/source.toolkit.fluxcd.io/v1/GitRepository';
import { Kustomization } from '@kubernetes-models/flux-cd/kustomize.toolkit.fluxcd.io/v1/Kustomization';
import { workspaceEnvironments } from '@platform/environments';
import { FLUX_CHART, FLUX_KUSTOMIZE_BASES, fluxValues, platformPath } from '@platform/platform';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  HTTPS_REPOSITORY,
  SECRETS,
  localConfig,
  stagingConfig,
} from './testing/config-fixtures.js';
import { problemsOf } from './testing/problems-of.js';
import { runProgram, type ProgramRun } from './testing/run-program.js';

/** The workspace's environments with staging on Flux: one field of its data. */
const FLUX_ENVIRONMENTS = workspaceEnvironments.map((e) =>
  e.name === 'staging' ? { ...e, engine: 'flux' as const } : e,
);
/** A repository over SSH, as a team's repository.ts has it (not the template's placeholder). */
const SSH_REPOSITORY = { url: 'git@github.com:acme/platform.git', revision: 'main' } as const;
const KNOWN_HOSTS = 'github.com ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAItestnotarealhostkey';
const TOKEN = 'test-commit-status-token';
const RELEASE = 'kubernetes:helm.sh/v3:Release';
const GIT_REPOSITORY = 'kubernetes:source.toolkit.fluxcd.io/v1:GitRepository';
const KUSTOMIZATION = 'kubernetes:kustomize.toolkit.fluxcd.io/v1:Kustomization';

/** A Flux staging stack: no Argo CD secret; the host keys for SSH; the commit-status token. */
const fluxStaging = (overrides: Record<string, string | undefined> = {}) =>
  stagingConfig({
    githubWebhookSecret: undefined,
    repoKnownHosts: KNOWN_HOSTS,
    commitStatusToken: TOKEN,
    ...overrides,
  });

describe('bootstrap: an environment on Flux (staging, EKS)', () => {
  let run: ProgramRun;
  beforeAll(async () => {
    run = await runProgram(fluxStaging(), 'staging', {
      environments: FLUX_ENVIRONMENTS,
      repository: SSH_REPOSITORY,
    });
  });

  it('installs Flux from its one pin with its values, and nothing of Argo CD', () => {
    const releases = run.recorder.ofType(RELEASE);
    expect(releases.map((r) => r.name)).toEqual(['flux-release']);
    expect(releases[0]?.inputs).toMatchObject({
      name: 'flux',
      namespace: 'flux-system',
      chart: FLUX_CHART.chart,
      version: FLUX_CHART.version,
      repositoryOpts: { repo: FLUX_CHART.repo },
      values: fluxValues(),
    });
    const types = run.recorder.resources.map((r) => r.type);
    expect(types.filter((type) => type.includes('argoproj.io'))).toEqual([]);
    expect(run.recorder.resources.some((r) => r.name.startsWith('argocd'))).toBe(false);
    expect(run.outputs).toMatchObject({
      engine: 'flux',
      engineChartVersion: FLUX_CHART.version,
      root: 'platform',
      workloadClusters: [],
    });
  });

  it("follows this repository over ssh:// (Flux's form of the scp-like URL), with the deploy key and host keys", () => {
    const repository = run.recorder.find(GIT_REPOSITORY, 'flux-git-repository').inputs;
    expect(repository.spec).toEqual({
      interval: '1m',
      url: 'ssh://git@github.com/acme/platform.git',
      ref: { branch: 'main' },
      secretRef: { name: 'platform-repository' },
    });
    expect(() => new GitRepository(repository).validate()).not.toThrow();
    const secret = run.recorder.find('kubernetes:core/v1:Secret', 'flux-repository').inputs;
    expect(secret.metadata).toEqual({ name: 'platform-repository', namespace: 'flux-system' });
    // A Pulumi secret as a whole (its `value`), as the deploy key in it makes it.
    expect(Object.keys(secret.stringData.value).sort()).toEqual(['identity', 'known_hosts']);
    expect(secret.stringData.value.identity).toBe(SECRETS.deployKey);
    expect(secret.stringData.value.known_hosts).toBe(KNOWN_HOSTS);
    const token = run.recorder.find('kubernetes:core/v1:Secret', 'flux-commit-status').inputs;
    expect(token.metadata.name).toBe('flux-commit-status');
  });

  it('hands over to git with one root Kustomization over the EKS root of _platform/, which the render produces', () => {
    const root = run.recorder.find(KUSTOMIZATION, 'flux-root').inputs;
    expect(root.metadata).toEqual({ name: 'platform', namespace: 'flux-system' });
    expect(root.spec).toMatchObject({
      path: './manifests/staging/_platform/aws',
      prune: true,
      sourceRef: { kind: 'GitRepository', name: 'platform' },
    });
    expect(() => new Kustomization(root).validate()).not.toThrow();
    const dependsOn = run.engine.get(`${KUSTOMIZATION} flux-root`)?.dependencies ?? [];
    expect(dependsOn.some((urn) => urn.endsWith('::flux-release'))).toBe(true);
  });

  it('keeps the secrets out of every input but the Secrets, as Pulumi secrets', () => {
    const leaks = run.recorder.resources
      .filter((r) => r.type !== 'kubernetes:core/v1:Secret')
      .filter(
        (r) =>
          JSON.stringify(r.inputs).includes(TOKEN) ||
          JSON.stringify(r.inputs).includes('test-deploy-key'),
      );
    expect(leaks).toEqual([]);
  });

  it('protects and retains the flux-system namespace, and retains the release', () => {
    const request = (key: string) => run.engine.get(key);
    expect(request('kubernetes:core/v1:Namespace flux-namespace')).toMatchObject({
      protect: true,
      retainOnDelete: true,
    });
    expect(request(`${RELEASE} flux-release`)?.retainOnDelete).toBe(true);
  });
});

describe('bootstrap: an environment on Flux on kind', () => {
  it('follows local/ instead of aws/, with no Secret for a public repository', async () => {
    const run = await runProgram(localConfig({ githubWebhookSecret: undefined }), 'local', {
      environments: FLUX_ENVIRONMENTS,
      repository: HTTPS_REPOSITORY,
    });
    const root = run.recorder.find(KUSTOMIZATION, 'flux-root').inputs;
    expect(root.spec.path).toBe('./manifests/staging/_platform/local');
    const repository = run.recorder.find(GIT_REPOSITORY, 'flux-git-repository').inputs;
    expect(repository.spec).not.toHaveProperty('secretRef');
    expect(run.recorder.ofType('kubernetes:core/v1:Secret')).toEqual([]);
  });

  it('points at a directory the render writes, with its kustomization.yaml, on either kind', async () => {
    for (const [values, stack, kind, repository] of [
      [fluxStaging(), 'staging', 'aws', SSH_REPOSITORY],
      [localConfig({ githubWebhookSecret: undefined }), 'local', 'local', HTTPS_REPOSITORY],
    ] as const) {
      const run = await runProgram(values, stack, {
        environments: FLUX_ENVIRONMENTS,
        repository,
      });
      const path = String(run.recorder.find(KUSTOMIZATION, 'flux-root').inputs.spec.path);
      const under = `./${platformPath('staging')}/`;
      expect(path.startsWith(under)).toBe(true);
      // The directories of the Flux layer that get a kustomization.yaml (libs/platform's
      // layout, which the render writes and tools/manifests builds with kustomize).
      expect(Object.keys(FLUX_KUSTOMIZE_BASES)).toContain(path.slice(under.length));
      expect(path.slice(under.length)).toBe(kind);
    }
  });
});

describe('bootstrap config on Flux', () => {
  it('refuses the Argo CD secrets and SSH without host keys, naming the keys', () => {
    expect(
      problemsOf(
        fluxStaging({ githubWebhookSecret: SECRETS.webhook, repoKnownHosts: '' }),
        'staging',
        { environments: FLUX_ENVIRONMENTS },
      ),
    ).toEqual([
      expect.stringContaining(
        "infra-bootstrap:githubWebhookSecret: is set but environment 'staging' runs Flux, which does not use it",
      ),
      expect.stringContaining(
        "infra-bootstrap:repoKnownHosts: is missing: environment 'staging' runs Flux",
      ),
    ]);
  });

  it('refuses a line that is not a known_hosts entry, and Flux keys on an Argo CD environment', () => {
    expect(
      problemsOf(fluxStaging({ repoKnownHosts: 'not a key' }), 'staging', {
        environments: FLUX_ENVIRONMENTS,
      }),
    ).toEqual([
      expect.stringContaining(
        "infra-bootstrap:repoKnownHosts: holds a line that is not a known_hosts entry: 'not a key'",
      ),
    ]);
    expect(problemsOf(stagingConfig({ commitStatusToken: TOKEN }), 'staging')).toEqual([
      expect.stringContaining(
        "infra-bootstrap:commitStatusToken: is set but environment 'staging' runs Argo CD, which does not use it",
      ),
    ]);
  });
});
