import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The Renovate whose `renovate-config-validator` checks renovate.json: the newest release that
 * runs on the workspace's Node 22 (43.x and later need Node 24; docs/pins.md). Its dependency
 * tree (about 800 packages, 370 MB) stays out of the workspace's lockfile: it is installed once
 * into a cache outside the clone, like .ci/run's Node.
 */
export const RENOVATE_VERSION = '42.99.0';

/** Where the pinned Renovate is installed: beside .ci/run's Node, one directory per version. */
export function renovateCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const cache = env['XDG_CACHE_HOME'] || join(homedir(), '.cache');
  return join(cache, 'gitops-platform', `renovate-${RENOVATE_VERSION}`);
}

/** The validator's entry point inside an install directory. */
export function validatorEntry(dir: string): string {
  return join(dir, 'node_modules', 'renovate', 'dist', 'config-validator.js');
}

/**
 * The pinned validator, installed from the npm registry when the cache lacks it. The install goes
 * into `<dir>.partial` and is moved into place whole, so an interrupted one is never used.
 * `--ignore-scripts`: Renovate then matches with JavaScript's RegExp instead of its optional RE2
 * addon (which needs a compiler); the dry run's RE2 check covers the difference.
 */
export function ensureRenovateValidator(dir: string = renovateCacheDir()): string {
  const entry = validatorEntry(dir);
  if (existsSync(entry)) return entry;
  const partial = `${dir}.partial`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  execFileSync(
    'npm',
    [
      'install',
      '--prefix',
      partial,
      '--no-save',
      '--no-package-lock',
      '--ignore-scripts',
      '--no-audit',
      '--no-fund',
      `renovate@${RENOVATE_VERSION}`,
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  rmSync(dir, { recursive: true, force: true });
  renameSync(partial, dir);
  return entry;
}

/** What the validator said about a repository's Renovate config. */
export interface ValidationResult {
  readonly valid: boolean;
  readonly output: string;
}

/**
 * Runs `renovate-config-validator --strict` in `repository`, where it finds renovate.json and
 * checks it as a repository config (given a file path, it would check a global config instead).
 * Strict: a config that only validates after Renovate migrates an option fails too.
 */
export function validateRenovateConfig(repository: string, entry: string): ValidationResult {
  const run = spawnSync(process.execPath, [entry, '--strict'], {
    cwd: repository,
    encoding: 'utf8',
    env: { ...process.env, LOG_FORMAT: 'pretty', LOG_LEVEL: 'info' },
  });
  return { valid: run.status === 0, output: `${run.stdout}${run.stderr}` };
}
