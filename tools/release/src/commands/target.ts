import type { ImageChange } from '../image-change.js';
import { assertClean, applyImageChange, pathsOf, type ChangeResult } from '../image-change.js';
import { publishWithRetry } from '../publish.js';
import type { ReleaseContext } from '../release-context.js';
import { ReleaseError } from '../release-error.js';

/** Where a change goes: a local commit, a push to a remote branch, or a new local branch for a pull request. */
export interface DeliveryOptions {
  /** Push to `remote`/`branch`, retrying when someone pushed first. */
  readonly push?: boolean;
  /** @default 'origin' */
  readonly remote?: string;
  /** The branch to push to. @default 'main' */
  readonly branch?: string;
  /** Commit on this new local branch instead (for a pull request). */
  readonly newBranch?: string;
  readonly maxAttempts?: number;
}

/**
 * Checks everything that could fail before anything is written (clean paths,
 * no detached HEAD when pushing, a free branch name), then delivers the change.
 */
export async function deliver(
  context: ReleaseContext,
  change: ImageChange,
  options: DeliveryOptions,
): Promise<ChangeResult & { attempts?: number }> {
  if (options.push && options.newBranch)
    throw new ReleaseError('give --push or --branch <name>, not both');
  await assertClean(context, pathsOf(context, change));
  if (options.push && !(await context.git.currentBranch())) {
    throw new ReleaseError(
      'HEAD is detached: check out the branch to push (git switch main) before using --push',
    );
  }
  if (options.newBranch) {
    if (await context.git.branchExists(options.newBranch))
      throw new ReleaseError(`branch '${options.newBranch}' already exists`);
    return onNewBranch(context, options.newBranch, () => applyImageChange(context, change));
  }
  if (options.push) {
    return publishWithRetry(context, change, {
      remote: options.remote ?? 'origin',
      branch: options.branch ?? 'main',
      ...(options.maxAttempts !== undefined ? { maxAttempts: options.maxAttempts } : {}),
    });
  }
  return applyImageChange(context, change);
}

/** Runs the change on a new branch; a failure or a no-op switches back and deletes the branch. */
async function onNewBranch(
  context: ReleaseContext,
  name: string,
  apply: () => Promise<ChangeResult>,
): Promise<ChangeResult> {
  const original = (await context.git.currentBranch()) ?? (await context.git.head());
  const back = async () => {
    await context.git.git.raw([
      'switch',
      '-q',
      ...(original.match(/^[0-9a-f]{40}$/) ? ['--detach'] : []),
      original,
    ]);
    await context.git.git.raw(['branch', '-q', '-D', name]);
  };
  await context.git.createBranch(name);
  try {
    const result = await apply();
    if (!result.changed) await back();
    return result;
  } catch (error) {
    await back();
    throw error;
  }
}
