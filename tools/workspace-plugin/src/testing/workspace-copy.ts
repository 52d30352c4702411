import { execFileSync, spawnSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  existsSync,
  cpSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The workspace this plugin lives in: the source of every copy. */
export const SOURCE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

export interface CommandResult {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * A throwaway copy of this workspace as a clone holds it (tracked and unignored files), its own
 * git repository with one commit, and a node_modules that links to this one's packages but to
 * the copy's own workspace folders, so commands in it see the copy's code and data.
 */
export class WorkspaceCopy {
  private constructor(readonly root: string) {}

  static create(): WorkspaceCopy {
    const root = mkdtempSync(join(tmpdir(), 'workspace-copy-'));
    const files = execFileSync('git', ['ls-files', '-z', '-co', '--exclude-standard'], {
      cwd: SOURCE_ROOT,
      encoding: 'utf8',
    })
      .split('\0')
      .filter((file) => file && existsSync(join(SOURCE_ROOT, file)));
    for (const file of files) {
      mkdirSync(dirname(join(root, file)), { recursive: true });
      cpSync(join(SOURCE_ROOT, file), join(root, file));
    }
    linkNodeModules(root);
    const copy = new WorkspaceCopy(root);
    copy.git('init', '-q', '-b', 'main');
    copy.commit('the template, as cloned');
    return copy;
  }

  /** Runs a command in the copy with a clean Nx environment (no daemon, no cloud, no parent task). */
  run(command: string, args: readonly string[]): CommandResult {
    const env = Object.fromEntries(
      Object.entries(process.env).filter(([key]) => !/^(NX_|VITEST)/.test(key)),
    );
    const result = spawnSync(command, args, {
      cwd: this.root,
      encoding: 'utf8',
      env: {
        ...env,
        CI: 'true',
        NX_DAEMON: 'false',
        NX_NO_CLOUD: 'true',
        NX_TUI: 'false',
        FORCE_COLOR: '0',
        GIT_AUTHOR_NAME: 'test',
        GIT_AUTHOR_EMAIL: 'test@example.com',
        GIT_COMMITTER_NAME: 'test',
        GIT_COMMITTER_EMAIL: 'test@example.com',
      },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { status: result.status ?? 1, stdout: result.stdout, stderr: result.stderr };
  }

  /** Runs a command that must succeed; its output is in the error when it does not. */
  ok(command: string, args: readonly string[]): string {
    const result = this.run(command, args);
    if (result.status !== 0) {
      throw new Error(
        `${command} ${args.join(' ')} exited ${result.status}\n${result.stdout}\n${result.stderr}`,
      );
    }
    return result.stdout;
  }

  git(...args: string[]): string {
    return this.ok('git', args);
  }

  commit(message: string): void {
    this.git('add', '-A');
    this.git('-c', 'commit.gpgsign=false', 'commit', '-q', '--allow-empty', '-m', message);
  }

  /** `git status --porcelain` paths: what changed since the last commit. */
  changed(): string[] {
    return this.git('status', '--porcelain', '--untracked-files=all')
      .split('\n')
      .filter(Boolean)
      .map((line) => line.slice(3));
  }

  read(path: string): string {
    return readFileSync(join(this.root, path), 'utf8');
  }

  exists(path: string): boolean {
    return existsSync(join(this.root, path));
  }

  remove(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

/**
 * Links the installed packages instead of installing (no network, a second, not a minute):
 * every top-level package and each workspace's own node_modules point at the source's; the
 * workspace packages (npm's `link: true` entries) point at the copy's folders.
 */
function linkNodeModules(root: string): void {
  const lockfile = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { resolved?: string; link?: boolean }>;
  };
  const modules = join(root, 'node_modules');
  mkdirSync(modules);
  const links = Object.entries(lockfile.packages).filter(([, entry]) => entry.link);
  const scopes = new Set(links.map(([path]) => path.split('/')[1]));
  for (const entry of execFileSync('ls', ['-A', join(SOURCE_ROOT, 'node_modules')], {
    encoding: 'utf8',
  })
    .split('\n')
    .filter(Boolean)) {
    // Caches (workspace-cli's bundles) are the copy's own, and go with it.
    if (scopes.has(entry) || entry === '.cache') continue;
    symlinkSync(join(SOURCE_ROOT, 'node_modules', entry), join(modules, entry));
  }
  for (const scope of scopes) {
    const source = join(SOURCE_ROOT, 'node_modules', scope ?? '');
    mkdirSync(join(modules, scope ?? ''));
    for (const name of execFileSync('ls', ['-A', source], { encoding: 'utf8' }).split('\n')) {
      if (name && !links.some(([path]) => path === `node_modules/${scope}/${name}`)) {
        symlinkSync(join(source, name), join(modules, scope ?? '', name));
      }
    }
  }
  for (const [path, entry] of links) {
    symlinkSync(join(root, entry.resolved ?? ''), join(root, path));
  }
  for (const path of Object.keys(lockfile.packages)) {
    const nested = /^((?!node_modules\/).+?)\/node_modules\//.exec(path)?.[1];
    if (nested && !existsSync(join(root, nested, 'node_modules'))) {
      symlinkSync(join(SOURCE_ROOT, nested, 'node_modules'), join(root, nested, 'node_modules'));
    }
  }
}
