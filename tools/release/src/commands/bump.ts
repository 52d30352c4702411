import { defaultRepository } from '@platform/environments';
import {
  digestProblem,
  repositoryProblem,
  tagProblem,
  type ImageReference,
} from '@platform/image-ref';
import type { ReleaseContext } from '../release-context.js';
import { ReleaseError } from '../release-error.js';
import { deliver, type DeliveryOptions } from './target.js';

export interface BumpOptions extends DeliveryOptions {
  readonly environment: string;
  readonly app: string;
  readonly imageTag?: string;
  readonly imageDigest?: string;
  /**
   * The image repository. @default the one the app runs in that environment now, else (its
   * first image there) `<environment's imageRegistry>/<app>`
   */
  readonly repository?: string;
  /** The commit the image was built from. @default $GITHUB_SHA, else HEAD */
  readonly sourceCommit?: string;
}

/** Validates everything about the new reference before anything is read from disk or written. */
function validateInput(options: BumpOptions): void {
  if ((options.imageTag === undefined) === (options.imageDigest === undefined)) {
    throw new ReleaseError('give exactly one of --image-tag <tag> or --image-digest sha256:<hex>');
  }
  const problem =
    (options.imageTag !== undefined
      ? tagProblem(options.imageTag)
      : digestProblem(options.imageDigest ?? '')) ??
    (options.repository !== undefined ? repositoryProblem(options.repository) : undefined);
  if (problem) throw new ReleaseError(problem);
}

/** `bump`: sets the image an app runs in one environment, re-renders, validates and commits. */
export async function bump(context: ReleaseContext, options: BumpOptions) {
  validateInput(options);
  const environment = context.catalog.environment(options.environment);
  context.catalog.app(options.app);
  const current = await context.images.readIfPresent(options.environment, options.app);
  const repository =
    options.repository ?? current?.repository ?? defaultRepository(environment, options.app);
  const image: ImageReference =
    options.imageTag !== undefined
      ? { repository, tag: options.imageTag }
      : { repository, digest: options.imageDigest ?? '' };
  const sourceCommit =
    options.sourceCommit ?? process.env['GITHUB_SHA'] ?? (await context.git.head());
  return deliver(
    context,
    {
      environment: options.environment,
      app: options.app,
      image,
      subject: (old, next) => `deploy(${options.environment}): ${options.app} ${old} -> ${next}`,
      trailers: { 'Source-Commit': sourceCommit },
    },
    options,
  );
}
