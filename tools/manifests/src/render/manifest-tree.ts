import { readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { MANIFESTS_DIRECTORY, manifestLocation, type ManifestFile } from '../manifest-file.js';

/** Files under `manifests/`, keyed by their path relative to the workspace root. */
export type ManifestTree = ReadonlyMap<string, ManifestFile>;

/** What differs between the rendered files and the files on disk, as paths. */
export interface TreeDifference {
  readonly added: readonly string[];
  readonly changed: readonly string[];
  readonly removed: readonly string[];
}

export function toTree(files: readonly ManifestFile[]): ManifestTree {
  return new Map(files.map((file) => [file.file, file]));
}

/**
 * Reads `manifests/<env>/**` for the given environments, or every directory under `manifests/`;
 * with `apps`, only those apps' directories (`manifests/<env>/<app>/`) and the files beside them,
 * so what a one-app render reads does not grow with the number of apps. A file's environment and app are the directories
 * it is found in, recorded as the walk finds them.
 */
export async function readManifestTree(
  root: string,
  environments?: readonly string[],
  apps?: readonly string[],
): Promise<ManifestTree> {
  const base = join(root, MANIFESTS_DIRECTORY);
  const tree = new Map<string, ManifestFile>();
  for (const environment of environments ?? (await listDirectories(base))) {
    for (const [app, names] of await filesByApp(join(base, environment), apps)) {
      for (const name of names) {
        const location = manifestLocation(environment, app, name);
        // Synchronous: for thousands of small files, faster than queueing them on libuv's pool.
        const content = readFileSync(join(root, location.file), 'utf8');
        tree.set(location.file, { ...location, content });
      }
    }
  }
  return tree;
}

/**
 * The files of one environment's directory, by app directory (undefined: a file beside them,
 * such as its kustomization.yaml): every app directory, or only the named apps'.
 */
async function filesByApp(
  directory: string,
  apps: readonly string[] | undefined,
): Promise<[string | undefined, string[]][]> {
  const entries = await sortedEntries(directory);
  const beside = entries
    .filter((entry) => !entry.isDirectory())
    .map((entry): [undefined, string[]] => [undefined, [entry.name]]);
  const names = apps ?? entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  const inApps = await Promise.all(
    names.map(async (app): Promise<[string, string[]]> => [
      app,
      await listFiles(join(directory, app)),
    ]),
  );
  return [...beside, ...inApps];
}

export function diffTrees(expected: ManifestTree, actual: ManifestTree): TreeDifference {
  const added = [...expected.keys()].filter((file) => !actual.has(file));
  const changed = [...expected.values()]
    .filter((file) => actual.has(file.file) && actual.get(file.file)?.content !== file.content)
    .map((file) => file.file);
  const removed = [...actual.keys()].filter((file) => !expected.has(file));
  return { added: added.sort(), changed: changed.sort(), removed: removed.sort() };
}

export function isEmptyDifference(difference: TreeDifference): boolean {
  return difference.added.length + difference.changed.length + difference.removed.length === 0;
}

/** The environment directories under `manifests/` (a dot-directory is never one). */
export async function listDirectories(path: string): Promise<string[]> {
  return (await sortedEntries(path))
    .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
    .map((e) => e.name);
}

async function sortedEntries(path: string) {
  const entries = await readdir(path, { withFileTypes: true }).catch(() => []);
  return entries.sort((a, b) => (a.name < b.name ? -1 : 1));
}

/** Every file under `path`, as a path relative to it. */
async function listFiles(path: string, prefix = ''): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await sortedEntries(path)) {
    if (entry.isDirectory())
      files.push(...(await listFiles(join(path, entry.name), `${prefix}${entry.name}/`)));
    else files.push(`${prefix}${entry.name}`);
  }
  return files;
}
