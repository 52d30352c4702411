import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { testEnvironment } from '@platform/environments/testing';
import { parseImageReference } from '@platform/image-ref';
import { checkFreshness, synth } from '@platform/manifests';
import { FixtureWebChart, fixtureWorkspace } from '@platform/manifests/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bump } from './commands/bump.js';
import { promote } from './commands/promote.js';
import { applyImageChange, pathsOf, type Renderer } from './image-change.js';
import { GitFixture, git, treeState } from './testing/git-fixture.js';

/** production lists its clusters: a hub, west (the shared directories), east (its own values). */
const production = testEnvironment('production', {
  clusters: [
    { name: 'mgmt', region: 'eu-west-1', stack: 'production-mgmt', role: 'hub' },
    { name: 'west', region: 'eu-west-1', stack: 'production-west' },
    {
      name: 'east',
      region: 'eu-central-1',
      stack: 'production-east',
      values: { logLevel: 'warn' },
    },
  ],
});
const staging = testEnvironment('staging');
const environments = [staging, production];

let fixture: GitFixture;
beforeAll(async () => {
  fixture = await GitFixture.create(2, [], [], environments);
});
afterAll(async () => {
  await fixture.remove();
});

const changedFiles = (root: string) =>
  git(root, 'show', '--name-only', '--format=', 'HEAD').split('\n').sort();

describe('an image change in an environment with a cluster of its own values', () => {
  it("writes the app's directory in that cluster too, and what lists the cluster's apps", async () => {
    const context = await fixture.clone('paths');
    expect(pathsOf(context, { environment: 'production', app: 'app-01' })).toEqual([
      'apps/app-01/deploy/images/production.yaml',
      'manifests/production/app-01',
      'manifests/production/kustomization.yaml',
      'manifests/production/_platform',
      'manifests/production/_clusters/east/app-01',
      'manifests/production/_clusters/east/kustomization.yaml',
    ]);
    // A single-cluster environment: as before, no cluster path.
    expect(pathsOf(context, { environment: 'staging', app: 'app-01' })).toEqual([
      'apps/app-01/deploy/images/staging.yaml',
      'manifests/staging/app-01',
      'manifests/staging/kustomization.yaml',
      'manifests/staging/_platform',
    ]);
  });

  it("bump commits the image file with the app's shared and per-cluster files, and leaves a clean, current tree", async () => {
    const context = await fixture.clone('bump');
    await bump(context, { environment: 'production', app: 'app-01', imageTag: '1.1.0' });
    expect(changedFiles(context.root)).toEqual([
      'apps/app-01/deploy/images/production.yaml',
      'manifests/production/_clusters/east/app-01/deployment-app-01.yaml',
      'manifests/production/app-01/deployment-app-01.yaml',
    ]);
    const own = await readFile(
      join(context.root, 'manifests/production/_clusters/east/app-01/deployment-app-01.yaml'),
      'utf8',
    );
    expect(own).toContain('image: registry.example.com/team/app-01:1.1.0');
    expect(own).toMatch(/name: LOG_LEVEL\n\s+value: warn/);
    expect(git(context.root, 'status', '--porcelain')).toBe('');
    expect(await checkFreshness(context.workspace)).toEqual({
      added: [],
      changed: [],
      removed: [],
    });
  });

  it('promote into it does the same', async () => {
    const context = await fixture.clone('promote');
    await bump(context, { environment: 'staging', app: 'app-02', imageTag: '2.0.0' });
    await promote(context, { from: 'staging', to: 'production', app: 'app-02' });
    expect(changedFiles(context.root)).toEqual([
      'apps/app-02/deploy/images/production.yaml',
      'manifests/production/_clusters/east/app-02/deployment-app-02.yaml',
      'manifests/production/app-02/deployment-app-02.yaml',
    ]);
    expect(git(context.root, 'status', '--porcelain')).toBe('');
  });

  it('commits the cluster directories a render with newer data wrote (a fetch gave west values), and puts them back on failure', async () => {
    const context = await fixture.clone('newer-data');
    // What a child process renders with after a fetch: west has values now; this process's
    // catalog does not know.
    const newer = [
      staging,
      {
        ...production,
        clusters: production.clusters?.map((c) =>
          c.name === 'west' ? { ...c, values: { logLevel: 'error' as const } } : c,
        ),
      },
    ];
    const apps = { 'app-01': FixtureWebChart, 'app-02': FixtureWebChart };
    const renderNewer: Renderer = async (child, environment, app) => {
      await synth(fixtureWorkspace(child.root, apps, newer), {
        environments: [environment],
        apps: [app],
      });
    };
    const change = (tag: string) => ({
      environment: 'production',
      app: 'app-01',
      image: parseImageReference(`registry.example.com/team/app-01:${tag}`),
      subject: () => `deploy(production): app-01 ${tag}`,
      trailers: {},
    });
    const before = treeState(context.root);
    const failing: Renderer = async (...args) => {
      await renderNewer(...args);
      throw new Error('validation failed after writing');
    };
    await expect(applyImageChange(context, change('1.2.0'), failing)).rejects.toThrow(
      'validation failed after writing',
    );
    expect(treeState(context.root)).toBe(before);
    await applyImageChange(context, change('1.3.0'), renderNewer);
    expect(changedFiles(context.root)).toEqual(
      expect.arrayContaining([
        'manifests/production/_clusters/west/app-01/deployment-app-01.yaml',
        'manifests/production/_clusters/west/kustomization.yaml',
        'manifests/production/_clusters/east/app-01/deployment-app-01.yaml',
      ]),
    );
    expect(git(context.root, 'status', '--porcelain', '--untracked-files=all')).toBe('');
  });
});
