import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Writes a file so that readers see the old content or the new one, never a partial file: a
 * temporary file in the same directory (so on the same file system), then renamed over the
 * target. Synchronous on purpose: a render writes up to thousands of small files, and in
 * sequence on the main thread that is several times faster than queueing them on libuv's
 * thread pool (measured for the render's writes: 0.4 s vs 1.3 s for 2,700 files).
 */
export function writeFileAtomic(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    writeFileSync(temporary, content, { encoding: 'utf8', flag: 'wx' });
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
