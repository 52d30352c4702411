import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A fresh temporary directory holding `files` (relative path → text), e.g. what
 * `gh run download` or actions/download-artifact leave: one folder per artifact.
 */
export function writeFileTree(files: Readonly<Record<string, string>>, prefix = 'tree-'): string {
  const directory = mkdtempSync(join(tmpdir(), prefix));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(directory, path, '..'), { recursive: true });
    writeFileSync(join(directory, path), text);
  }
  return directory;
}
