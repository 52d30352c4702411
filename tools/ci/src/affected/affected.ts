import { execFileSync } from 'node:child_process';

/** How to run the requested targets: only affected projects, or all of them when there is no base to compare with. */
export type AffectedPlan =
  | {
      readonly mode: 'affected';
      readonly base: string;
      readonly head: string;
      readonly args: readonly string[];
    }
  | { readonly mode: 'all'; readonly reason: string; readonly args: readonly string[] };

export interface AffectedOptions {
  readonly targets: readonly string[];
  /** The commit to compare with. @default $NX_BASE, else 'main' */
  readonly base?: string;
  /** @default $NX_HEAD, else 'HEAD' */
  readonly head?: string;
  readonly cwd: string;
  /** Extra arguments passed to nx as they are (e.g. --parallel=2). */
  readonly extra?: readonly string[];
}

/**
 * `nx affected` needs a base commit that exists locally and shares history with
 * HEAD. A one-commit clone, a shallow fetch or a first push has none; then every
 * project runs, which is always correct, only slower.
 */
export function planAffected(options: AffectedOptions): AffectedPlan {
  if (options.targets.length === 0)
    throw new Error('affected: give at least one target (-t lint test …)');
  const base = options.base ?? process.env['NX_BASE'] ?? 'main';
  const head = options.head ?? process.env['NX_HEAD'] ?? 'HEAD';
  const common = ['-t', ...options.targets, '--outputStyle=static', ...(options.extra ?? [])];
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd: options.cwd, stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
  const fallback = (reason: string): AffectedPlan => ({
    mode: 'all',
    reason,
    args: ['run-many', ...common],
  });

  let baseSha: string;
  let headSha: string;
  try {
    headSha = git('rev-parse', '--verify', `${head}^{commit}`);
  } catch {
    return fallback(`head '${head}' is not a commit here`);
  }
  try {
    baseSha = git('rev-parse', '--verify', `${base}^{commit}`);
  } catch {
    return fallback(`base '${base}' is not a commit in this clone`);
  }
  try {
    git('merge-base', baseSha, headSha);
  } catch {
    return fallback(`base '${base}' shares no history with '${head}' in this clone (shallow?)`);
  }
  return {
    mode: 'affected',
    base: baseSha,
    head: headSha,
    args: ['affected', ...common, `--base=${baseSha}`, `--head=${headSha}`],
  };
}
