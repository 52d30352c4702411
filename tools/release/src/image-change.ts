import { formatImageReference, type ImageReference } from '@platform/image-ref';
import { CLUSTERS_DIRECTORY } from '@platform/environments';
import {
  appRenderPaths,
  KUSTOMIZATION_FILE,
  MANIFESTS_DIRECTORY,
  synth,
} from '@platform/manifests';
import { access, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ReleaseContext } from './release-context.js';
import { ReleaseError } from './release-error.js';

/** One image reference to set for one app in one environment, and how to describe the commit. */
export interface ImageChange {
  readonly environment: string;
  readonly app: string;
  readonly image: ImageReference;
  /** Commit subject from the old and new references, e.g. `deploy(staging): demo-service 1.0 -> 1.1`. */
  readonly subject: (old: string, next: string) => string;
  /** Git trailers, e.g. `{ 'Source-Commit': sha }`; `Image` is always added. */
  readonly trailers: Readonly<Record<string, string>>;
}

/** How a change re-renders its app: in this process, or in a child that loads the tree's code. */
export type Renderer = (context: ReleaseContext, environment: string, app: string) => Promise<void>;

/** Renders with the code this process loaded: right while the tree holds that code. */
export const renderInProcess: Renderer = async (context, environment, app) => {
  await synth(context.workspace, { environments: [environment], apps: [app] });
};

export type ChangeResult =
  | { readonly changed: false; readonly image: string }
  | {
      readonly changed: true;
      readonly commit: string;
      readonly old?: string;
      readonly image: string;
    };

/**
 * The paths a change writes: the app's image file and its rendered directory in that
 * environment, its directory in each cluster with values of its own
 * (`_clusters/<cluster>/<app>/`), and what lists the apps (the environment's kustomization.yaml
 * and each such cluster's; on Flux, the app's Kustomization in `_platform/`), which changes
 * when an app enters an environment.
 */
export function pathsOf(
  context: ReleaseContext,
  change: Pick<ImageChange, 'environment' | 'app'>,
): string[] {
  return [
    context.images.relativePath(change.environment, change.app),
    ...appRenderPaths(context.catalog.environment(change.environment), change.app),
  ];
}

/** The short form for commit subjects: the tag, or the digest's first 12 hex digits. */
export function shortReference(image: ImageReference | undefined): string {
  if (!image) return '(none)';
  return image.digest ? image.digest.slice(0, 'sha256:'.length + 12) : (image.tag ?? '');
}

/** Refuses to start when the paths it writes hold uncommitted changes, which it would mix into its commit or destroy. */
export async function assertClean(
  context: ReleaseContext,
  paths: readonly string[],
): Promise<void> {
  const dirty = await context.git.dirtyPaths(paths);
  if (dirty.length > 0) {
    throw new ReleaseError(
      `uncommitted changes in the paths this command writes (${dirty.slice(0, 5).join(', ')}${dirty.length > 5 ? ', …' : ''}): commit or stash them first`,
    );
  }
}

/**
 * Writes the image file, re-renders and validates the app in that environment (only that app:
 * a bump never costs a full render), and commits the image file with the app's rendered
 * directory. Nothing changes when the image is already the one asked for. On any failure the
 * paths are put back exactly as HEAD has them.
 */
export async function applyImageChange(
  context: ReleaseContext,
  change: ImageChange,
  render: Renderer = renderInProcess,
): Promise<ChangeResult> {
  const { environment, app } = change;
  const next = formatImageReference(change.image);
  const old = await context.images.readIfPresent(environment, app);
  if (old && formatImageReference(old) === next) return { changed: false, image: next };

  let paths = pathsOf(context, change);
  try {
    await context.images.write(environment, app, change.image);
    await render(context, environment, app);
    paths = await withClusterPathsOnDisk(context, change, paths);
    // Short forms (tags) read best; when the repository changes too, only full references say so.
    const sameRepository = !old || old.repository === change.image.repository;
    const describe = (image: ImageReference | undefined) =>
      sameRepository || !image ? shortReference(image) : formatImageReference(image);
    const message = commitMessage(change.subject(describe(old), describe(change.image)), {
      ...change.trailers,
      Image: next,
    });
    const commit = await context.git.commitPaths(paths, message);
    return {
      changed: true,
      commit,
      image: next,
      ...(old ? { old: formatImageReference(old) } : {}),
    };
  } catch (error) {
    await context.git.restorePaths(await withClusterPathsOnDisk(context, change, paths));
    throw error;
  }
}

/**
 * `paths`, and the app's directory and the list of apps of each cluster directory the render
 * left under `manifests/<env>/_clusters/`: a render in a child process reads the tree's data,
 * which a fetch may have changed to give a cluster values this process's catalog does not know,
 * and its directories must be committed (or put back) with the rest all the same.
 */
async function withClusterPathsOnDisk(
  context: ReleaseContext,
  change: Pick<ImageChange, 'environment' | 'app'>,
  paths: readonly string[],
): Promise<string[]> {
  const base = `${MANIFESTS_DIRECTORY}/${change.environment}/${CLUSTERS_DIRECTORY}`;
  const clusters = await readdir(join(context.root, base), { withFileTypes: true }).catch(() => []);
  const candidates = clusters
    .filter((entry) => entry.isDirectory())
    .flatMap(({ name }) => [
      `${base}/${name}/${change.app}`,
      `${base}/${name}/${KUSTOMIZATION_FILE}`,
    ]);
  const present = await Promise.all(
    candidates.map((path) =>
      access(join(context.root, path)).then(
        () => path,
        () => undefined,
      ),
    ),
  );
  return [...new Set([...paths, ...present.filter((p): p is string => p !== undefined)])];
}

/** A subject, a blank line, then `Key: value` trailers that `git interpret-trailers` can read. */
export function commitMessage(subject: string, trailers: Readonly<Record<string, string>>): string {
  const lines = Object.entries(trailers).map(([key, value]) => `${key}: ${value}`);
  return `${subject}\n\n${lines.join('\n')}\n`;
}
