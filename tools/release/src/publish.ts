import { appLayout } from '@platform/environments';
import { MANIFESTS_DIRECTORY } from '@platform/manifests';
import { applyImageChange, type ChangeResult, type ImageChange } from './image-change.js';
import type { ReleaseContext } from './release-context.js';
import { ReleaseError } from './release-error.js';

export interface PublishOptions {
  readonly remote: string;
  readonly branch: string;
  /** Attempts before giving up. @default 30 */
  readonly maxAttempts?: number;
  /** First backoff in milliseconds; doubles each attempt, with jitter, up to 2 s. @default 50 */
  readonly backoffMs?: number;
}

/**
 * `--push` publishes this one change and nothing else: HEAD must be the remote branch's tip or
 * behind it (then it moves forward to the tip), never ahead of it or beside it, or the push
 * would publish other, unreviewed commits along with it.
 */
async function startFromRemoteTip(context: ReleaseContext, options: PublishOptions): Promise<void> {
  const tip = await context.git.fetch(options.remote, options.branch);
  const head = await context.git.head();
  if (head === tip) return;
  if (!(await context.git.isAncestor(head, tip))) {
    throw new ReleaseError(
      `HEAD (${head.slice(0, 12)}) has commits that are not on ${options.remote}/${options.branch}: ` +
        `--push publishes only this change; check out ${options.remote}/${options.branch} first`,
    );
  }
  await context.git.resetKeep(tip);
}

/** The upstream branch changed code, not only image files and manifests: this process's render would be stale. */
export class UpstreamCodeChangedError extends ReleaseError {
  override name = 'UpstreamCodeChangedError';
}

/**
 * Commits the change and pushes it, never forcing. When someone pushed first,
 * it fetches, moves the branch to the new tip (`reset --keep`: other local
 * changes survive), applies its own change again there — its own image file,
 * then a re-render of its app, so nobody else's change is undone —
 * and retries with exponential backoff and jitter.
 */
export async function publishWithRetry(
  context: ReleaseContext,
  change: ImageChange,
  options: PublishOptions,
): Promise<ChangeResult & { attempts: number }> {
  const maxAttempts = options.maxAttempts ?? 30;
  const original = await context.git.head();
  try {
    return await publish(context, change, options, maxAttempts);
  } catch (error) {
    // Put the branch back where it was, unless it now holds newer code to run again with.
    if (!(error instanceof UpstreamCodeChangedError)) await context.git.resetKeep(original);
    throw error;
  }
}

async function publish(
  context: ReleaseContext,
  change: ImageChange,
  options: PublishOptions,
  maxAttempts: number,
): Promise<ChangeResult & { attempts: number }> {
  await startFromRemoteTip(context, options);
  const started = await context.git.head();
  for (let attempt = 1; ; attempt++) {
    // Each attempt renders its own app only: the rest arrived pushed, rendered and checked.
    const result = await applyImageChange(context, change);
    if (!result.changed) return { ...result, attempts: attempt };
    const outcome = await context.git.push(options.remote, options.branch);
    if (outcome === 'pushed') return { ...result, attempts: attempt };

    if (attempt >= maxAttempts) {
      throw new ReleaseError(
        `push to ${options.remote}/${options.branch} rejected ${attempt} times; nothing was pushed: run the command again`,
      );
    }
    // Back off before fetching, so the rebuild starts from the freshest tip the others left.
    const delay =
      Math.min(2000, (options.backoffMs ?? 50) * 2 ** (attempt - 1)) * (0.5 + Math.random());
    await new Promise((resolve) => setTimeout(resolve, delay));
    const tip = await context.git.fetch(options.remote, options.branch);
    // Drop our local commit: it is rebuilt on the new tip, from the image file up.
    await context.git.resetKeep(tip);
    const codeChanges = await context.git.changedOutside(started, tip, [
      appLayout('*').imageFile('*'),
      `${MANIFESTS_DIRECTORY}/**`,
    ]);
    if (codeChanges.length > 0) {
      throw new UpstreamCodeChangedError(
        `${options.remote}/${options.branch} moved with code changes (${codeChanges.slice(0, 3).join(', ')}); ` +
          'the branch is now at the new tip: run the command again so it renders with that code',
      );
    }
    context.log(
      `push rejected (attempt ${attempt}): rebuilding on ${tip.slice(0, 12)} after ${Math.round(delay)} ms`,
    );
  }
}
