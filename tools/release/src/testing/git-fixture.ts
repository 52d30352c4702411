import type { Environment } from '@platform/environments';
import { testEnvironment } from '@platform/environments/testing';
import { formatImageFile } from '@platform/image-catalog';
import { synth, type Workspace } from '@platform/manifests';
import { FixtureWebChart, fixtureWorkspace } from '@platform/manifests/testing';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { releaseContext, type ReleaseContext } from '../release-context.js';

export const REPOSITORY = 'registry.example.com/team';

/** Two environments in promotion order, of the fixtures' own (never the workspace's data). */
export const FIXTURE_ENVIRONMENTS = [testEnvironment('staging'), testEnvironment('production')];

/**
 * A workspace of `count` fixture apps (app-01, app-02, …) in the fixture environments and any
 * extra ones, rooted at `root`.
 */
export function fixtureApps(
  count: number,
  extraEnvironments: readonly string[] = [],
  newApps: readonly string[] = [],
  baseEnvironments: readonly Environment[] = FIXTURE_ENVIRONMENTS,
): (root: string) => Workspace {
  const names = [
    ...Array.from({ length: count }, (_, index) => `app-${String(index + 1).padStart(2, '0')}`),
    ...newApps,
  ];
  const apps = Object.fromEntries(names.map((name) => [name, FixtureWebChart]));
  const environments = [
    ...baseEnvironments,
    ...extraEnvironments.map((name) => testEnvironment(name)),
  ];
  return (root) => fixtureWorkspace(root, apps, environments);
}

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  }).trim();
}

/**
 * A bare `origin` holding a rendered workspace (every app at tag 1.0.0 in every
 * environment) and a way to clone it, like a CI runner or a laptop would.
 */
export class GitFixture {
  private constructor(
    readonly directory: string,
    readonly origin: string,
    readonly open: (root: string) => Workspace,
  ) {}

  /**
   * `newEnvironments` are in the catalog but have no images yet (an environment being added);
   * `newApps` have a chart but no image anywhere yet (an app just generated); `environments`
   * replace the fixture environments (one that lists its clusters, say).
   */
  static async create(
    appCount = 2,
    newEnvironments: readonly string[] = [],
    newApps: readonly string[] = [],
    environments: readonly Environment[] = FIXTURE_ENVIRONMENTS,
  ): Promise<GitFixture> {
    const directory = await mkdtemp(join(tmpdir(), 'release-'));
    const origin = join(directory, 'origin.git');
    const open = fixtureApps(appCount, newEnvironments, newApps, environments);
    const seed = join(directory, 'seed');
    const { catalog } = open(seed);
    const seeded = catalog.environmentNames().filter((name) => !newEnvironments.includes(name));
    git(directory, 'init', '-q', '--bare', '-b', 'main', origin);
    await mkdir(seed);
    await writeFile(join(seed, 'nx.json'), '{}\n');
    for (const environment of seeded) {
      for (const app of catalog.apps.filter((a) => !newApps.includes(a.name))) {
        const file = join(seed, app.imageFile(environment));
        await mkdir(join(file, '..'), { recursive: true });
        await writeFile(
          file,
          formatImageFile(environment, app.name, {
            repository: `${REPOSITORY}/${app.name}`,
            tag: '1.0.0',
          }),
        );
      }
    }
    // Every environment's platform layer is rendered (`npm start`, as README says of a new
    // environment); the new environments hold no app yet.
    await synth(open(seed));
    git(seed, 'init', '-q', '-b', 'main');
    configureIdentity(seed);
    git(seed, 'add', '-A');
    git(seed, 'commit', '-q', '-m', 'initial');
    git(seed, 'remote', 'add', 'origin', origin);
    git(seed, 'push', '-q', 'origin', 'main');
    return new GitFixture(directory, origin, open);
  }

  /** A fresh clone with a committer identity, and a release context on it. */
  async clone(name: string): Promise<ReleaseContext> {
    const path = join(this.directory, name);
    git(this.directory, 'clone', '-q', this.origin, path);
    configureIdentity(path);
    return releaseContext(path, this.open);
  }

  /** The file as `origin`'s main has it. */
  originFile(path: string): string {
    return git(this.origin, 'show', `main:${path}`);
  }

  originLog(): string[] {
    return git(this.origin, 'log', '--format=%s', 'main').split('\n');
  }

  async remove(): Promise<void> {
    await rm(this.directory, { recursive: true, force: true });
  }
}

function configureIdentity(repository: string): void {
  git(repository, 'config', 'user.name', 'Release Test');
  git(repository, 'config', 'user.email', 'release@example.com');
  git(repository, 'config', 'commit.gpgsign', 'false');
}

/** Everything a failed command must leave as it was: HEAD, branch, index and working tree. */
export function treeState(repository: string): string {
  return [
    git(repository, 'rev-parse', 'HEAD'),
    (() => {
      try {
        return git(repository, 'symbolic-ref', '-q', '--short', 'HEAD');
      } catch {
        return '(detached)';
      }
    })(),
    git(repository, 'status', '--porcelain', '--untracked-files=all'),
    git(repository, 'diff'),
    git(repository, 'diff', '--cached'),
  ].join('\n---\n');
}
