import { formatImageReference } from '@platform/image-ref';
import type { ReleaseContext } from '../release-context.js';
import { ReleaseError } from '../release-error.js';
import { deliver, type DeliveryOptions } from './target.js';

export interface PromoteOptions extends DeliveryOptions {
  readonly app: string;
  readonly from: string;
  readonly to: string;
}

/** The `Key: value` trailers of a commit message body. */
export function trailersOf(body: string): Record<string, string> {
  return Object.fromEntries(
    body
      .split('\n')
      .map((line) => /^([A-Za-z][A-Za-z0-9-]*): (.+)$/.exec(line.trim()))
      .filter((match): match is RegExpExecArray => match !== null)
      .map((match) => [match[1] ?? '', match[2] ?? '']),
  );
}

/** `promote`: gives the target environment the exact image reference the source environment runs. */
export async function promote(context: ReleaseContext, options: PromoteOptions) {
  context.catalog.app(options.app);
  context.catalog.environment(options.from);
  context.catalog.environment(options.to);
  if (options.from === options.to)
    throw new ReleaseError(`--from and --to are both '${options.from}'`);
  const image = await context.images.read(options.from, options.app);
  // Carry the source commit of the image along, from the commit that set it in the source environment.
  const sourceCommit = await sourceCommitOf(
    context,
    options.from,
    options.app,
    formatImageReference(image),
  );
  context.log(
    `promoting ${options.app}: ${formatImageReference(image)} from ${options.from} to ${options.to}`,
  );
  return deliver(
    context,
    {
      environment: options.to,
      app: options.app,
      image,
      subject: (old, next) => `deploy(${options.to}): ${options.app} ${old} -> ${next}`,
      trailers: { 'Promoted-From': options.from, 'Source-Commit': sourceCommit },
    },
    options,
  );
}

/**
 * The commit the image was built from: the `Source-Commit` trailer of the newest commit that
 * set this image (a later rollback to it carries none, so the search goes on past it), or
 * the newest commit that touched the file when no trailer names it.
 */
async function sourceCommitOf(
  context: ReleaseContext,
  environment: string,
  app: string,
  image: string,
): Promise<string> {
  const commits = await context.git.commitsTouching(context.images.relativePath(environment, app));
  for (const commit of commits) {
    const trailers = trailersOf(commit.body);
    if (trailers['Image'] === image && trailers['Source-Commit']) return trailers['Source-Commit'];
  }
  return commits[0]?.sha ?? (await context.git.head());
}
