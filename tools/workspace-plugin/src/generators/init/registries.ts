import { visitNotIgnoredFiles, type Tree } from '@nx/devkit';

/** Where the environments are declared: one object literal each, with `name` and `imageRegistry`. */
export const ENVIRONMENTS_FILE = 'libs/environments/src/environments.ts';
// Top-level fields of each entry (prettier indents them by four): a nested `name` (the Gateway's)
// is not the environment's.
const ENVIRONMENT_ENTRY = /^( {4}name: '([a-z0-9-]+)'[^]*?^ {4}imageRegistry: ')([^']+)(')/gm;

/** Each environment's name and image registry, in the file's (promotion) order. */
export function readRegistries(tree: Tree): { name: string; registry: string }[] {
  const text = tree.read(ENVIRONMENTS_FILE, 'utf8') ?? '';
  const entries = [...text.matchAll(ENVIRONMENT_ENTRY)].map((m) => ({
    name: m[2] ?? '',
    registry: m[3] ?? '',
  }));
  if (entries.length === 0) {
    throw new Error(`${ENVIRONMENTS_FILE} declares no environment with an imageRegistry`);
  }
  return entries;
}

/** The registry infra/cluster creates for an environment: same repository prefix, new host. */
export function registryFor(current: string, accountId: string, region: string): string {
  const prefix = current.slice(current.indexOf('/') + 1);
  return `${accountId}.dkr.ecr.${region}.amazonaws.com/${prefix}`;
}

/**
 * Moves every reference from the old registries to the new ones, in one pass so a registry that
 * takes another's old name is not moved twice: the environment data, the image files and the
 * rendered manifests (which keep matching a fresh render, as they are rendered from those).
 */
export function moveRegistries(tree: Tree, moves: ReadonlyMap<string, string>): void {
  const changed = [...moves].filter(([from, to]) => from !== to);
  if (changed.length === 0) return;
  const pattern = new RegExp(
    changed.map(([from]) => from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'),
    'g',
  );
  const rewrite = (path: string) => {
    const text = tree.read(path, 'utf8');
    if (text === null) return;
    const next = text.replace(pattern, (from) => moves.get(from) ?? from);
    if (next !== text) tree.write(path, next);
  };
  rewrite(ENVIRONMENTS_FILE);
  for (const folder of ['apps', 'manifests']) {
    if (!tree.exists(folder)) continue;
    visitNotIgnoredFiles(tree, folder, (path) => {
      if (folder === 'manifests' || /^apps\/[^/]+\/deploy\/images\/[^/]+\.yaml$/.test(path)) {
        rewrite(path);
      }
    });
  }
}
