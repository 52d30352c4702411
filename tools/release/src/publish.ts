import { appLayout } from '@platform/environments';
import { MANIFESTS_DIRECTORY } from '@platform/manifests';
import {
  applyImageChange,
  renderInProcess,
  type ChangeResult,
  type ImageChange,
  type Renderer,
} from './image-change.js';
import type { ReleaseContext } from './release-context.js';
import { renderInChild } from './render-in-child.js';
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

/**
 * Commits the change and pushes it, never forcing, in one loop: each attempt applies the change
 * on the remote tip (its own image file, then a re-render of its app only, so nobody else's
 * change is undone), commits and pushes. When someone pushed first it backs off (exponential,
 * with jitter), fetches, moves the branch to the new tip (`reset --keep`: other local changes
 * survive) and tries again. Once the tip holds code this process did not load, every later
 * render runs in a child process, on the tree's code. On failure the branch goes back to where
 * it was.
 */
export async function publishWithRetry(
  context: ReleaseContext,
  change: ImageChange,
  options: PublishOptions,
): Promise<ChangeResult & { attempts: number }> {
  const maxAttempts = options.maxAttempts ?? 30;
  // The code this process loaded is the code HEAD held when it started.
  const original = await context.git.head();
  try {
    await startFromRemoteTip(context, options);
    let render = await rendererFor(context, original);
    for (let attempt = 1; ; attempt++) {
      const result = await applyImageChange(context, change, render);
      if (!result.changed) return { ...result, attempts: attempt };
      if ((await context.git.push(options.remote, options.branch)) === 'pushed')
        return { ...result, attempts: attempt };
      if (attempt >= maxAttempts) {
        throw new ReleaseError(
          `push to ${options.remote}/${options.branch} rejected ${attempt} times; nothing was pushed: run the command again`,
        );
      }
      // Back off before fetching, so the next attempt starts from the freshest tip the others left.
      const delay =
        Math.min(2000, (options.backoffMs ?? 50) * 2 ** (attempt - 1)) * (0.5 + Math.random());
      await new Promise((resolve) => setTimeout(resolve, delay));
      const tip = await context.git.fetch(options.remote, options.branch);
      // Drop our local commit: the next attempt rebuilds it on the new tip, from the image file up.
      await context.git.resetKeep(tip);
      render = await rendererFor(context, original);
      context.log(
        `push rejected (attempt ${attempt}): rebuilding on ${tip.slice(0, 12)} after ${Math.round(delay)} ms`,
      );
    }
  } catch (error) {
    await context.git.resetKeep(original);
    throw error;
  }
}

/**
 * In this process while HEAD differs from the code it loaded only in image files and rendered
 * manifests (which the render reads as data); in a child process once it holds other changes.
 */
async function rendererFor(context: ReleaseContext, loaded: string): Promise<Renderer> {
  const codeChanges = await context.git.changedOutside(loaded, await context.git.head(), [
    appLayout('*').imageFile('*'),
    `${MANIFESTS_DIRECTORY}/**`,
  ]);
  if (codeChanges.length === 0) return renderInProcess;
  context.log(
    `the branch brought code changes (${codeChanges.slice(0, 3).join(', ')}): rendering with that code in a child process`,
  );
  return (child, environment, app) => renderInChild(child.root, environment, app);
}
