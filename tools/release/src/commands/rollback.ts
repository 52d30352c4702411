import { parseImageFile } from '@platform/image-catalog';
import { formatImageReference, type ImageReference } from '@platform/image-ref';
import type { ReleaseContext } from '../release-context.js';
import { ReleaseError } from '../release-error.js';
import { deliver, type DeliveryOptions } from './target.js';

export interface RollbackOptions extends DeliveryOptions {
  readonly environment: string;
  readonly app: string;
  /** How many image changes to go back. @default 1 */
  readonly steps?: number;
  /** Go back to the image the app ran at this commit instead. */
  readonly to?: string;
}

interface HistoricImage {
  readonly image: ImageReference;
  readonly commit: string;
}

/** The images the file held, newest first, one entry per change (consecutive repeats collapsed). */
async function imageHistory(context: ReleaseContext, path: string): Promise<HistoricImage[]> {
  const history: HistoricImage[] = [];
  for (const { sha } of await context.git.commitsTouching(path)) {
    const text = await context.git.fileAt(sha, path);
    if (text === undefined) continue; // the commit deleted the file
    const image = parseImageFile(`${path}@${sha.slice(0, 12)}`, text);
    const previous = history.at(-1);
    if (!previous || formatImageReference(previous.image) !== formatImageReference(image))
      history.push({ image, commit: sha });
  }
  return history;
}

/** `rollback`: restores an earlier image from the git history of the app's image file. Git stays the truth. */
export async function rollback(context: ReleaseContext, options: RollbackOptions) {
  context.catalog.environment(options.environment);
  context.catalog.app(options.app);
  if (options.steps !== undefined && options.to !== undefined)
    throw new ReleaseError('give --steps or --to, not both');
  const steps = options.steps ?? 1;
  if (!Number.isInteger(steps) || steps < 1)
    throw new ReleaseError(`--steps must be a positive integer, got ${String(options.steps)}`);
  const path = context.images.relativePath(options.environment, options.app);

  let target: HistoricImage;
  if (options.to !== undefined) {
    const commit = await context.git.resolve(options.to).catch(() => {
      throw new ReleaseError(`--to '${options.to}' is not a commit in this repository`);
    });
    const text = await context.git.fileAt(commit, path);
    if (text === undefined)
      throw new ReleaseError(`${path} does not exist at ${commit.slice(0, 12)}`);
    target = { image: parseImageFile(`${path}@${commit.slice(0, 12)}`, text), commit };
  } else {
    const history = await imageHistory(context, path);
    const found = history[steps];
    if (!found) {
      throw new ReleaseError(
        `${options.app} has had ${Math.max(history.length - 1, 0)} earlier image(s) in ${options.environment}; cannot go back ${steps}`,
      );
    }
    target = found;
  }
  return deliver(
    context,
    {
      environment: options.environment,
      app: options.app,
      image: target.image,
      subject: (old, next) => `rollback(${options.environment}): ${options.app} ${old} -> ${next}`,
      trailers: { 'Rollback-To': target.commit },
    },
    options,
  );
}
