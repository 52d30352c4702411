import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { MANIFESTS_DIRECTORY } from './render-app.js';

/** `.<app>.next-<hex>` / `.<app>.prev-<hex>`: a write in progress, or left by a killed one. */
const STAGING_DIRECTORY = /^\.(.*)\.(next|prev)-[0-9a-f]{12}$/;

/** File path (relative to the workspace root) → content. */
export type ManifestTree = Map<string, string>;

/** What differs between the rendered files and the files on disk. */
export interface TreeDifference {
  readonly added: readonly string[];
  readonly changed: readonly string[];
  readonly removed: readonly string[];
}

/** Reads `manifests/<env>/**` for the given environments, or every directory under `manifests/`. */
export async function readManifestTree(
  root: string,
  environments?: readonly string[],
): Promise<ManifestTree> {
  const base = join(root, MANIFESTS_DIRECTORY);
  const names = environments ?? (await listDirectories(base));
  const tree: ManifestTree = new Map();
  for (const environment of names) {
    const files = (await listFiles(join(base, environment))).map(
      (file) => `${MANIFESTS_DIRECTORY}/${environment}/${file}`,
    );
    // Synchronous for the same reason as the writes below.
    for (const file of files) tree.set(file, readFileSync(join(root, file), 'utf8'));
  }
  return tree;
}

export function diffTrees(expected: ManifestTree, actual: ManifestTree): TreeDifference {
  const added = [...expected.keys()].filter((file) => !actual.has(file));
  const changed = [...expected.keys()].filter(
    (file) => actual.has(file) && actual.get(file) !== expected.get(file),
  );
  const removed = [...actual.keys()].filter((file) => !expected.has(file));
  return { added: added.sort(), changed: changed.sort(), removed: removed.sort() };
}

export function isEmptyDifference(difference: TreeDifference): boolean {
  return difference.added.length + difference.changed.length + difference.removed.length === 0;
}

/**
 * Makes `manifests/<env>/` hold exactly the rendered files for each environment
 * (stale files disappear). The unit of change is one app's directory: every
 * changed directory is written in full beside the old one first, and only then
 * are they swapped in by rename, so a failure leaves everything as it was and a
 * reader never sees a half-written app. Unchanged apps are not touched, so a
 * bump rewrites one directory, not the environment. Returns the environments
 * that changed.
 */
export async function writeEnvironments(
  root: string,
  environments: readonly string[],
  files: ManifestTree,
  /** Only these app directories are compared and written. @default every directory */
  apps?: readonly string[],
): Promise<string[]> {
  const base = join(root, MANIFESTS_DIRECTORY);
  await mkdir(base, { recursive: true });
  const suffix = randomBytes(6).toString('hex');
  const staged: { target: string; next?: string }[] = [];
  const changed = new Set<string>();
  try {
    for (const environment of environments) {
      const environmentDirectory = join(base, environment);
      await mkdir(environmentDirectory, { recursive: true });
      await removeLeftovers(environmentDirectory, apps);
      const current = await readManifestTree(root, [environment]);
      const wantedByUnit = groupByUnit(files, environment);
      const currentByUnit = groupByUnit(current, environment);
      for (const unit of new Set([...wantedByUnit.keys(), ...currentByUnit.keys()])) {
        if (apps && !apps.includes(unit)) continue;
        const wanted = wantedByUnit.get(unit) ?? new Map<string, string>();
        if (isEmptyDifference(diffTrees(wanted, currentByUnit.get(unit) ?? new Map()))) continue;
        changed.add(environment);
        const target = join(environmentDirectory, unit);
        if (wanted.size === 0) {
          staged.push({ target });
          continue;
        }
        const next = join(environmentDirectory, `.${unit || 'root'}.next-${suffix}`);
        staged.push({ target, next });
        const prefix = `${MANIFESTS_DIRECTORY}/${environment}/${unit ? `${unit}/` : ''}`;
        const paths = [...wanted].map(
          ([file, content]) => [join(next, file.slice(prefix.length)), content] as const,
        );
        for (const directory of new Set(paths.map(([path]) => dirname(path))))
          await mkdir(directory, { recursive: true });
        // Synchronous on purpose: for thousands of small files it is several times faster
        // than queueing them on libuv's thread pool (measured: 0.4 s vs 1.3 s for 2,700 files).
        for (const [path, content] of paths) writeFileSync(path, content, 'utf8');
      }
    }
  } catch (error) {
    await Promise.all(
      staged.flatMap(({ next }) => (next ? [rm(next, { recursive: true, force: true })] : [])),
    );
    throw error;
  }
  for (const { target, next } of staged) {
    const previous = join(dirname(target), `.${basename(target)}.prev-${suffix}`);
    await rename(target, previous).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
    if (next) await rename(next, target);
    await rm(previous, { recursive: true, force: true });
  }
  return environments.filter((environment) => changed.has(environment));
}

/** Files of one environment by app directory (`''` for files directly under the environment, which are stale). */
function groupByUnit(tree: ManifestTree, environment: string): Map<string, ManifestTree> {
  const prefix = `${MANIFESTS_DIRECTORY}/${environment}/`;
  const units = new Map<string, ManifestTree>();
  for (const [file, content] of tree) {
    if (!file.startsWith(prefix)) continue;
    const rest = file.slice(prefix.length);
    const unit = rest.includes('/') ? rest.slice(0, rest.indexOf('/')) : '';
    const files = units.get(unit) ?? new Map<string, string>();
    files.set(file, content);
    units.set(unit, files);
  }
  return units;
}

/** Removes environment directories that no environment renders any more. */
export async function removeStaleEnvironments(
  root: string,
  environments: readonly string[],
): Promise<string[]> {
  const base = join(root, MANIFESTS_DIRECTORY);
  const stale = (await listDirectories(base)).filter((name) => !environments.includes(name));
  await Promise.all(stale.map((name) => rm(join(base, name), { recursive: true, force: true })));
  return stale;
}

/** Staging directories a killed run may have left behind. */
/**
 * Removes what an interrupted write left. A render of some apps removes only theirs: renders of
 * other apps (Nx runs them in parallel) may be staging their own directories right now.
 */
async function removeLeftovers(base: string, apps?: readonly string[]): Promise<void> {
  const entries = await readdir(base).catch(() => [] as string[]);
  const leftovers = entries.filter((name) => {
    const unit = STAGING_DIRECTORY.exec(name)?.[1];
    return unit !== undefined && (!apps || apps.includes(unit));
  });
  await Promise.all(
    leftovers.map((name) => rm(join(base, name), { recursive: true, force: true })),
  );
}

async function listDirectories(path: string): Promise<string[]> {
  const entries = await readdir(path, { withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
    .map((e) => e.name)
    .sort();
}

async function listFiles(path: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(path, { withFileTypes: true }).catch(() => []);
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (STAGING_DIRECTORY.test(entry.name)) continue;
    if (entry.isDirectory())
      files.push(...(await listFiles(join(path, entry.name), `${prefix}${entry.name}/`)));
    else files.push(`${prefix}${entry.name}`);
  }
  return files;
}
