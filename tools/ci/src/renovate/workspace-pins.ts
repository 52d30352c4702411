import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  applyCustomManager,
  managerName,
  regexCustomManagers,
  type FoundDependency,
  type WorkspaceFile,
} from './custom-managers.js';

/** The workspace's tracked files, as Renovate sees a clone of the repository. */
export function trackedFiles(root: string): WorkspaceFile[] {
  return execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' })
    .split('\0')
    .filter((path) => path !== '')
    .map((path) => ({ path, text: readFileSync(join(root, path), 'utf8') }));
}

/** renovate.json at the workspace root, parsed. */
export function readRenovateConfig(root: string): unknown {
  return JSON.parse(readFileSync(join(root, 'renovate.json'), 'utf8'));
}

/** What each regex custom manager of renovate.json finds in the workspace, by manager. */
export function dryRunCustomManagers(root: string): Map<string, FoundDependency[]> {
  const files = trackedFiles(root);
  return new Map(
    regexCustomManagers(readRenovateConfig(root)).map(
      (manager) => [managerName(manager), applyCustomManager(manager, files)] as const,
    ),
  );
}
