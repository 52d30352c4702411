import dockerignore from '@balena/dockerignore';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';

// CommonJS (`module.exports = ignore`) whose types declare an ES default export:
// under NodeNext the default import is the function itself at run time.
const ignore = dockerignore as unknown as typeof dockerignore.default;

/**
 * The files `docker build -f <dockerfile> <root>` would send as its context:
 * the workspace's files (tracked, or untracked and not git-ignored) filtered by
 * `<Dockerfile>.dockerignore` (BuildKit's per-Dockerfile file) or the root
 * `.dockerignore`, with Docker's own matching rules (@balena/dockerignore).
 */
export function contextFiles(root: string, dockerfile: string): string[] {
  const specific = join(root, `${dockerfile}.dockerignore`);
  const general = join(root, '.dockerignore');
  const ignoreFile = existsSync(specific) ? specific : existsSync(general) ? general : undefined;
  const rules = ignore().add(ignoreFile ? readFileSync(ignoreFile, 'utf8') : '');
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    maxBuffer: 64 * 1024 * 1024,
  })
    .toString()
    .split('\n')
    .filter((file) => file !== '' && existsSync(join(root, file)));
  return rules.filter(files);
}

/** Copies the context files into `destination`. */
export async function copyContext(
  root: string,
  files: readonly string[],
  destination: string,
): Promise<void> {
  for (const file of files) {
    await mkdir(dirname(join(destination, file)), { recursive: true });
    await cp(join(root, file), join(destination, file));
  }
}
