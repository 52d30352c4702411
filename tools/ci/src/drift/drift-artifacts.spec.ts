import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileTree } from '../testing/file-tree.js';
import { readDriftArtifacts, readGitOps } from './drift-artifacts.js';

const fixture = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
const RUN = 'https://github.com/acme/platform/actions/runs/9';

const downloaded = (files: Record<string, string>) => writeFileTree(files);
const gitops = (environment: string, files: Record<string, string>, exits: object) =>
  Object.fromEntries([
    [
      `gitops-drift-${environment}/outcome.json`,
      JSON.stringify({ environment, applicationsExit: 0, fluxExit: 0, ...exits }),
    ],
    ...Object.entries(files).map(([name, text]) => [`gitops-drift-${environment}/${name}`, text]),
  ]);

describe('readGitOps', () => {
  it('a cluster without Flux is read by Argo CD alone', () => {
    const directory = downloaded(
      gitops(
        'staging',
        {
          'applications.json': fixture('fixtures/argo-healthy.json'),
          'flux.stderr': 'error: the server doesn\'t have a resource type "kustomizations"',
        },
        { fluxExit: 1 },
      ),
    );
    expect(readGitOps(join(directory, 'gitops-drift-staging')).drift).toEqual({
      state: 'clean',
      findings: [],
    });
  });

  it('a cluster with neither engine is no verdict', () => {
    const missing = 'error: the server doesn\'t have a resource type "applications"';
    const directory = downloaded(
      gitops(
        'staging',
        { 'applications.stderr': missing, 'flux.stderr': missing },
        { applicationsExit: 1, fluxExit: 1 },
      ),
    );
    expect(readGitOps(join(directory, 'gitops-drift-staging')).drift).toEqual({
      state: 'failed',
      error: 'neither Argo CD nor Flux serves its objects in this cluster',
    });
  });

  it('a refused read is a failed check naming the error, never "clean"', () => {
    const directory = downloaded(
      gitops(
        'staging',
        {
          'applications.stderr':
            'Error from server (Forbidden): applications.argoproj.io is forbidden: User "arn:aws:sts::123456789012:assumed-role/platform-staging-github-preview/gha" cannot list resource "applications"',
          'flux.json': fixture('fixtures/flux-healthy.json'),
        },
        { applicationsExit: 1 },
      ),
    );
    const drift = readGitOps(join(directory, 'gitops-drift-staging')).drift;
    expect(drift.state).toBe('failed');
    expect(drift.state === 'failed' && drift.error).toContain(
      'Argo CD: Error from server (Forbidden)',
    );
  });
});

describe('readDriftArtifacts', () => {
  it('groups the Pulumi stacks and clusters by environment', () => {
    const directory = downloaded({
      'pulumi-drift-infra-cluster-production/outcome.json': JSON.stringify({
        project: 'infra-cluster',
        stack: 'production',
        environment: 'production',
        exitCode: 255,
      }),
      'pulumi-drift-infra-cluster-production/preview.json': fixture(
        '../infra-preview/fixtures/refresh-drift.stdout',
      ),
      'pulumi-drift-infra-cluster-production/preview.json.stderr': fixture(
        '../infra-preview/fixtures/refresh-drift.stderr',
      ),
      ...gitops(
        'production',
        {
          'applications.json': fixture('fixtures/argo-drifted.json'),
          'flux.json': fixture('fixtures/flux-failing.json'),
        },
        {},
      ),
    });
    const [staging, production] = readDriftArtifacts(
      directory,
      ['staging', 'production'],
      ['staging', 'production'].map((name) => ({
        project: 'infra-cluster',
        stack: name,
        environment: name,
      })),
      RUN,
    );
    // Staging kept no preview: a failed check, never "no drift".
    expect(staging).toMatchObject({
      environment: 'staging',
      pulumi: [{ project: 'infra-cluster', stack: 'staging', state: 'failed' }],
      runUrl: RUN,
    });
    expect(staging?.gitops).toBeUndefined();
    expect(production?.pulumi.map((p) => p.state)).toEqual(['drift']);
    expect(
      production?.gitops?.state === 'drift' && production.gitops.findings.map((f) => f.name),
    ).toEqual(['staging-orders', 'staging-billing', 'cert-manager', 'apps', 'monitoring']);
  });

  it('puts each cluster stack of a hub-and-spoke environment in its issue; a stack that kept no preview fails it', () => {
    const outcome = (stack: string, environment: string, exitCode: number) => ({
      [`pulumi-drift-infra-cluster-${stack}/outcome.json`]: JSON.stringify({
        project: 'infra-cluster',
        stack,
        environment,
        exitCode,
      }),
      [`pulumi-drift-infra-cluster-${stack}/preview.json`]: fixture(
        `../infra-preview/fixtures/${exitCode === 0 ? 'preview-no-changes' : 'refresh-drift'}.stdout`,
      ),
    });
    const directory = downloaded({
      ...outcome('live-hub', 'live', 0),
      ...outcome('live-west', 'live', 255),
      ...outcome('qa', 'qa', 0),
    });
    const expected = [
      { project: 'infra-cluster', stack: 'qa', environment: 'qa' },
      { project: 'infra-cluster', stack: 'live-hub', environment: 'live' },
      { project: 'infra-cluster', stack: 'live-west', environment: 'live' },
      { project: 'infra-cluster', stack: 'live-south', environment: 'live' },
    ];
    const [qa, live] = readDriftArtifacts(directory, ['qa', 'live'], expected, RUN);
    expect(qa?.pulumi.map((p) => [p.stack, p.state])).toEqual([['qa', 'clean']]);
    expect(live?.pulumi.map((p) => [p.stack, p.state])).toEqual([
      ['live-hub', 'clean'],
      ['live-west', 'drift'],
      ['live-south', 'failed'],
    ]);
  });

  it('refuses a Pulumi outcome that names no environment, naming the file', () => {
    const directory = downloaded({
      'pulumi-drift-infra-cluster-qa/outcome.json': JSON.stringify({
        project: 'infra-cluster',
        stack: 'qa',
        exitCode: 0,
      }),
    });
    expect(() => readDriftArtifacts(directory, ['qa'], [], RUN)).toThrow(
      `${join(directory, 'pulumi-drift-infra-cluster-qa', 'outcome.json')} names no project, stack and environment`,
    );
  });
});
