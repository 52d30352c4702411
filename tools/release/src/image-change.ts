import { formatImageReference, type ImageReference } from '@platform/image-ref';
import { MANIFESTS_DIRECTORY, synth } from '@platform/manifests';
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

export type ChangeResult =
  | { readonly changed: false; readonly image: string }
  | {
      readonly changed: true;
      readonly commit: string;
      readonly old?: string;
      readonly image: string;
    };

/** The paths a change writes: the app's image file and its environment's rendered directory. */
export function pathsOf(
  context: ReleaseContext,
  change: Pick<ImageChange, 'environment' | 'app'>,
): string[] {
  return [
    context.images.relativePath(change.environment, change.app),
    `${MANIFESTS_DIRECTORY}/${change.environment}`,
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
 * Writes the image file, re-renders and validates that environment (or only
 * the app, when rebuilding on a tip whose other apps are known fresh), and commits
 * the image file with the app's rendered directory. Nothing changes when the
 * image is already the one asked for. On any failure the paths are put back
 * exactly as HEAD has them.
 */
export async function applyImageChange(
  context: ReleaseContext,
  change: ImageChange,
  /** 'environment' re-renders every app (and so proves the others fresh); 'app' only this one. @default 'environment' */
  scope: 'environment' | 'app' = 'environment',
): Promise<ChangeResult> {
  const { environment, app } = change;
  const next = formatImageReference(change.image);
  const old = await context.images.readIfPresent(environment, app);
  if (old && formatImageReference(old) === next) return { changed: false, image: next };

  const paths = pathsOf(context, change);
  try {
    await context.images.write(environment, app, change.image);
    await synth(context.root, context.catalog, [environment], {
      apps: await appsToRender(context, change, scope),
    });
    const appDirectory = `${MANIFESTS_DIRECTORY}/${environment}/${app}/`;
    const others = (await context.git.dirtyPaths([`${MANIFESTS_DIRECTORY}/${environment}`])).filter(
      (path) => !path.startsWith(appDirectory),
    );
    if (others.length > 0) {
      throw new ReleaseError(
        `re-rendering ${environment} also changed other apps' files (${others.slice(0, 3).join(', ')}): ` +
          'manifests/ was not fresh; run `npm run synth`, commit, and try again',
      );
    }
    // Short forms (tags) read best; when the repository changes too, only full references say so.
    const sameRepository = !old || old.repository === change.image.repository;
    const describe = (image: ImageReference | undefined) =>
      sameRepository || !image ? shortReference(image) : formatImageReference(image);
    const message = commitMessage(change.subject(describe(old), describe(change.image)), {
      ...change.trailers,
      Image: next,
    });
    const commit = await context.git.commitPaths(
      [context.images.relativePath(environment, app), appDirectory],
      message,
    );
    return {
      changed: true,
      commit,
      image: next,
      ...(old ? { old: formatImageReference(old) } : {}),
    };
  } catch (error) {
    await context.git.restorePaths(paths);
    throw error;
  }
}

/**
 * Every app of the environment (which proves the others fresh), or only this one on a rebuild.
 * While a new environment is being given its images, app by app, the apps without one yet are
 * left out rather than failing the render.
 */
async function appsToRender(
  context: ReleaseContext,
  change: ImageChange,
  scope: 'environment' | 'app',
): Promise<string[]> {
  if (scope === 'app') return [change.app];
  const apps: string[] = [];
  for (const app of context.catalog.appNames()) {
    if (app === change.app || (await context.images.readIfPresent(change.environment, app)))
      apps.push(app);
  }
  return apps;
}

/** A subject, a blank line, then `Key: value` trailers that `git interpret-trailers` can read. */
export function commitMessage(subject: string, trailers: Readonly<Record<string, string>>): string {
  const lines = Object.entries(trailers).map(([key, value]) => `${key}: ${value}`);
  return `${subject}\n\n${lines.join('\n')}\n`;
}
