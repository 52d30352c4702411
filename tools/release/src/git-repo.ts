import { execFile } from 'node:child_process';
import { simpleGit, type SimpleGit } from 'simple-git';

/** What a push can end in, besides an error that is not worth retrying. */
export type PushOutcome = 'pushed' | 'rejected';

/** The patterns git prints when someone pushed first (non-fast-forward, stale info, lock contention). */
const REJECTED =
  /\[rejected\]|non-fast-forward|fetch first|failed to update ref|cannot lock ref|\[remote rejected\].*(lock|stale)/i;

/** The git operations the release tool needs, on one working tree. */
export class GitRepo {
  readonly git: SimpleGit;

  constructor(readonly root: string) {
    this.git = simpleGit({ baseDir: root, maxConcurrentProcesses: 4 });
  }

  async head(): Promise<string> {
    return (await this.git.revparse(['HEAD'])).trim();
  }

  /** The checked-out branch, or undefined on a detached HEAD. */
  async currentBranch(): Promise<string | undefined> {
    const name = (
      await this.git.raw(['symbolic-ref', '--short', '-q', 'HEAD']).catch(() => '')
    ).trim();
    return name === '' ? undefined : name;
  }

  /** Paths with uncommitted changes (staged, unstaged or untracked) under the given pathspecs. */
  async dirtyPaths(paths: readonly string[]): Promise<string[]> {
    const output = await this.git.raw([
      'status',
      '--porcelain',
      '--untracked-files=all',
      '--',
      ...paths,
    ]);
    return output
      .split('\n')
      .filter(Boolean)
      .map((line) => line.slice(3));
  }

  /** Puts the given paths back exactly as HEAD has them: index, working tree, no untracked files. */
  async restorePaths(paths: readonly string[]): Promise<void> {
    await this.git.raw(['reset', '-q', 'HEAD', '--', ...paths]).catch(() => undefined);
    const tracked = (await this.git.raw(['ls-tree', '-r', '--name-only', 'HEAD', '--', ...paths]))
      .split('\n')
      .filter(Boolean);
    if (tracked.length > 0) await this.git.raw(['checkout', '-q', 'HEAD', '--', ...tracked]);
    await this.git.raw(['clean', '-fdq', '--', ...paths]);
  }

  /** Commits exactly these paths (other staged changes stay staged) and returns the new commit. */
  async commitPaths(paths: readonly string[], message: string): Promise<string> {
    await this.git.raw(['add', '-A', '--', ...paths]);
    await this.git.raw(['commit', '-q', '--no-verify', '-m', message, '--only', '--', ...paths]);
    return this.head();
  }

  async createBranch(name: string): Promise<void> {
    await this.git.raw(['switch', '-q', '-c', name]);
  }

  async branchExists(name: string): Promise<boolean> {
    return this.git
      .raw(['rev-parse', '--verify', '-q', `refs/heads/${name}`])
      .then((sha) => sha.trim() !== '')
      .catch(() => false);
  }

  /** Pushes HEAD to `remote`'s `branch`, never forcing; a rejection because someone pushed first is an outcome, not an error. */
  async push(remote: string, branch: string): Promise<PushOutcome> {
    try {
      await this.git.raw(['push', '--porcelain', remote, `HEAD:refs/heads/${branch}`]);
      return 'pushed';
    } catch (error) {
      if (REJECTED.test(String((error as Error).message))) return 'rejected';
      throw error;
    }
  }

  async fetch(remote: string, branch: string): Promise<string> {
    await this.git.raw([
      'fetch',
      '-q',
      remote,
      `+refs/heads/${branch}:refs/remotes/${remote}/${branch}`,
    ]);
    return (await this.git.revparse([`refs/remotes/${remote}/${branch}`])).trim();
  }

  /** Whether `ancestor` is `descendant` or one of its ancestors. */
  async isAncestor(ancestor: string, descendant: string): Promise<boolean> {
    return this.succeeds(['merge-base', '--is-ancestor', ancestor, descendant]);
  }

  /**
   * Whether a git command exits 0. simple-git only rejects when git writes to stderr, and
   * `--is-ancestor` answers "no" with a bare exit code.
   */
  private succeeds(args: readonly string[]): Promise<boolean> {
    return new Promise((resolve) => {
      execFile('git', [...args], { cwd: this.root }, (error) => resolve(error === null));
    });
  }

  /** The best common ancestor of two commits. */
  async mergeBase(a: string, b: string): Promise<string> {
    return (await this.git.raw(['merge-base', a, b])).trim();
  }

  /** Moves the current branch to `commit`, keeping uncommitted changes in files the move does not touch. */
  async resetKeep(commit: string): Promise<void> {
    await this.git.raw(['reset', '-q', '--keep', commit]);
  }

  /** Files that differ between two commits, except those matching the excluded glob patterns. */
  async changedOutside(from: string, to: string, excluded: readonly string[]): Promise<string[]> {
    const output = await this.git.raw([
      'diff',
      '--name-only',
      from,
      to,
      '--',
      '.',
      ...excluded.map((pattern) => `:(exclude,glob)${pattern}`),
    ]);
    return output.split('\n').filter(Boolean);
  }

  /** The file's content at a commit, or undefined when it does not exist there. */
  async fileAt(commit: string, path: string): Promise<string | undefined> {
    return this.git.raw(['show', `${commit}:${path}`]).catch(() => undefined);
  }

  /** Commits that changed the path, newest first. */
  async commitsTouching(path: string): Promise<{ sha: string; subject: string; body: string }[]> {
    const output = await this.git.raw(['log', '--format=%H%x1f%s%x1f%b%x1e', '--', path]);
    return output
      .split('\x1e')
      .map((record) => record.trim())
      .filter(Boolean)
      .map((record) => {
        const [sha = '', subject = '', body = ''] = record.split('\x1f');
        return { sha, subject, body };
      });
  }

  /** A full SHA for a ref or commit; throws when it does not exist. */
  async resolve(ref: string): Promise<string> {
    const sha = (
      await this.git.raw(['rev-parse', '--verify', '-q', `${ref}^{commit}`]).catch(() => '')
    ).trim();
    if (!/^[0-9a-f]{40}$/.test(sha)) throw new Error(`not a commit: ${ref}`);
    return sha;
  }
}
