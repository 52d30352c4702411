import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ReleaseError } from './release-error.js';

/** The workspace's own render command line, as the checked-out tree has it. */
export const RENDER_ENTRY = 'tools/manifests/src/main.ts';

/** tsx's loader, from this installation: the fetched tree brings code, not node_modules. */
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/**
 * Renders one app in one environment with the code the working tree holds now, in a fresh
 * Node process: after a fetch brought new code, this process still runs the code it loaded
 * at start-up, and its render would be stale.
 */
export function renderInChild(root: string, environment: string, app: string): Promise<void> {
  const args = ['synth', '--root', root, '--env', environment, '--app', app];
  const child = spawn(
    process.execPath,
    ['--import', TSX_LOADER, join(root, RENDER_ENTRY), ...args],
    {
      cwd: root,
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) return resolve();
      reject(
        new ReleaseError(
          `rendering ${app} in ${environment} with the new code failed (exit ${String(code)}): ${stderr.trim()}`,
        ),
      );
    });
  });
}
