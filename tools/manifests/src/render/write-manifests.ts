import { PLATFORM_DIRECTORY } from '@platform/platform';
import { writeFileAtomic } from '@platform/image-catalog';
import { rm, rmdir, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { MANIFESTS_DIRECTORY, type ManifestFile } from '../manifest-file.js';
import { diffTrees, listDirectories, readManifestTree, toTree } from './manifest-tree.js';

/** What one write covers: these environments, and in them every app or only some. */
export interface WriteScope {
  readonly environments: readonly string[];
  /** Only these apps' directories are compared and written. @default every directory, and stray files beside them */
  readonly apps?: readonly string[] | undefined;
  /** With `apps`: the files directly in `manifests/<env>/` too (its kustomization.yaml). @default false */
  readonly environmentFiles?: boolean;
  /** With `apps` naming `_platform`: only these environments' platform layers. @default every environment's */
  readonly platformEnvironments?: readonly string[];
}

/**
 * Makes the files of the scope on disk exactly the rendered ones, touching only what differs:
 * a new or changed file is written atomically (a temporary file in its directory, renamed over
 * it), a file the render no longer produces is deleted, then the directories that leaves empty.
 * An unchanged file is not touched (same inode, same mtime), so a bump rewrites the files it
 * changes and nothing else.
 *
 * Why this is atomic per app without swapping directories: Argo CD reads git, not this working
 * tree, and `release bump` commits an app's image file and its rendered files in one commit, so
 * nothing deploys a half-written app. The caller renders and validates everything in memory
 * before calling this, so a refused render writes nothing. A crash half-way leaves a dirty tree
 * that `check-fresh` reports and the next render repairs: rendering is deterministic, and a
 * temporary file left behind is a file of the app the render does not produce, so it is
 * deleted as stale. Renders of different apps (Nx runs them in parallel) touch different
 * directories.
 *
 * A cluster's own directory (`_clusters/<cluster>/`) is written like the environment's: its
 * apps' directories with theirs, its kustomization.yaml with the environment's. One that the
 * render no longer produces (the cluster lost its values, or left the list) is removed by a
 * render of every app, which reads it as stale, not by a render of some apps.
 *
 * Returns the environments where something changed.
 */
export async function writeManifests(
  root: string,
  rendered: readonly ManifestFile[],
  scope: WriteScope,
): Promise<string[]> {
  // The clusters that have their own directories now: a render of some apps writes the apps'
  // directories there, and leaves those of a cluster that lost its values to a full render.
  const clusters = new Set(
    rendered.flatMap((f) => (f.cluster === undefined ? [] : [`${f.environment}/${f.cluster}`])),
  );
  const inScope = (file: ManifestFile) => {
    if (!scope.apps) return true;
    if (file.cluster !== undefined && !clusters.has(`${file.environment}/${file.cluster}`))
      return false;
    if (file.app === undefined) return scope.environmentFiles === true;
    if (file.app === PLATFORM_DIRECTORY && scope.platformEnvironments)
      return scope.platformEnvironments.includes(file.environment);
    return scope.apps.includes(file.app);
  };
  const wanted = toTree(rendered.filter(inScope));
  const current = toTree(
    [...(await readManifestTree(root, scope.environments, scope.apps)).values()].filter(inScope),
  );
  const { added, changed, removed } = diffTrees(wanted, current);
  const touched = new Set<string>();
  for (const path of [...added, ...changed]) {
    const file = wanted.get(path);
    if (!file) continue;
    writeFileAtomic(join(root, path), file.content);
    touched.add(file.environment);
  }
  const stale = removed.flatMap((path) => current.get(path) ?? []);
  for (const file of stale) {
    await unlink(join(root, file.file));
    touched.add(file.environment);
  }
  await removeEmptyDirectories(root, stale);
  return scope.environments.filter((environment) => touched.has(environment));
}

/**
 * Removes the directories of deleted files that are now empty, up to the environment's
 * directory (which stays): an app's directory, and a cluster's own and `_clusters/` with it.
 */
async function removeEmptyDirectories(root: string, deleted: readonly ManifestFile[]) {
  for (const file of deleted) {
    const environmentDirectory = join(root, MANIFESTS_DIRECTORY, file.environment);
    let directory = dirname(join(root, file.file));
    while (directory.startsWith(`${environmentDirectory}/`)) {
      const removed = await rmdir(directory).then(
        () => true,
        (error: NodeJS.ErrnoException) => {
          // Not empty, or already removed for another deleted file: its parents stay too.
          if (error.code === 'ENOTEMPTY' || error.code === 'EEXIST' || error.code === 'ENOENT')
            return false;
          throw error;
        },
      );
      if (!removed) break;
      directory = dirname(directory);
    }
  }
}

/** Removes environment directories that no environment renders any more (a full render only). */
export async function removeStaleEnvironments(
  root: string,
  environments: readonly string[],
): Promise<string[]> {
  const base = join(root, MANIFESTS_DIRECTORY);
  const stale = (await listDirectories(base)).filter((name) => !environments.includes(name));
  await Promise.all(stale.map((name) => rm(join(base, name), { recursive: true, force: true })));
  return stale;
}
