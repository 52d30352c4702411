import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The nearest directory at or above `from` that holds `nx.json`. */
export function findWorkspaceRoot(from: string): string {
  let directory = resolve(from);
  for (;;) {
    if (existsSync(join(directory, 'nx.json'))) return directory;
    const parent = dirname(directory);
    if (parent === directory)
      throw new Error(`no nx.json at or above ${from}: run from inside the workspace`);
    directory = parent;
  }
}
