import { readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { CLUSTERS_DIRECTORY } from '@platform/environments';
import {
  MANIFESTS_DIRECTORY,
  manifestLocation,
  type ManifestFile,
  type ManifestLocation,
} from '../manifest-file.js';

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
 * so what a one-app render reads does not grow with the number of apps. The same holds in each
 * cluster's own directory, `manifests/<env>/_clusters/<cluster>/`. A file's environment, cluster
 * and app are the directories it is found in, recorded as the walk finds them; a file directly
 * in `_clusters/` is recorded as of the app `_clusters`, which no render produces.
 */
export async function readManifestTree(
  root: string,
  environments?: readonly string[],
  apps?: readonly string[],
): Promise<ManifestTree> {
  const base = join(root, MANIFESTS_DIRECTORY);
  const tree = new Map<string, ManifestFile>();
  const add = (location: ManifestLocation) => {
    // Synchronous: for thousands of small files, faster than queueing them on libuv's pool.
    const content = readFileSync(join(root, location.file), 'utf8');
    tree.set(location.file, { ...location, content });
  };
  for (const environment of environments ?? (await listDirectories(base))) {
    const directory = join(base, environment);
    for (const [app, names] of await filesByApp(directory, apps)) {
      for (const name of names) add(manifestLocation(environment, app, name));
    }
    const clusters = join(directory, CLUSTERS_DIRECTORY);
    // A file directly in `_clusters/` is no cluster's: kept, so validate names it and a full
    // render removes it.
    for (const entry of await sortedEntries(clusters)) {
      if (!entry.isDirectory()) add(manifestLocation(environment, CLUSTERS_DIRECTORY, entry.name));
    }
    for (const cluster of await listDirectories(clusters)) {
      for (const [app, names] of await filesByApp(
        join(directory, CLUSTERS_DIRECTORY, cluster),
        apps,
      )) {
        for (const name of names) add(manifestLocation(environment, app, name, cluster));
      }
    }
  }
  return tree;
}

/**
 * The files of one environment's directory (or of one cluster's own), by app directory
 * (undefined: a file beside them, such as its kustomization.yaml): every app directory but
 * `_clusters/`, or only the named apps'.
 */
async function filesByApp(
  directory: string,
  apps: readonly string[] | undefined,
): Promise<[string | undefined, string[]][]> {
  const entries = await sortedEntries(directory);
  const beside = entries
    .filter((entry) => !entry.isDirectory())
    .map((entry): [undefined, string[]] => [undefined, [entry.name]]);
  const names =
    apps ??
    entries
      .filter((entry) => entry.isDirectory() && entry.name !== CLUSTERS_DIRECTORY)
      .map((entry) => entry.name);
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
