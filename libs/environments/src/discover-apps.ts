import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { APPS_DIRECTORY, appLayout } from './app-layout.js';

/**
 * The apps of the workspace: every folder `apps/<name>/` with a chart
 * (`apps/<name>/deploy/src/chart.ts`), sorted. Nothing lists them: adding the folder adds the
 * app, removing it removes the app. A folder without a chart (a library, a service still
 * being written) deploys nothing.
 */
export function discoverApps(root: string): string[] {
  const entries = readdirSync(join(root, APPS_DIRECTORY), { withFileTypes: true }).filter(
    (entry) => entry.isDirectory() && !entry.name.startsWith('.'),
  );
  return entries
    .map((entry) => entry.name)
    .filter((name) => existsSync(join(root, appLayout(name).chart)))
    .sort();
}
