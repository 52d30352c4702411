import type { Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';

/**
 * The npm packages a fixture workspace has locked at the top of node_modules, at versions no
 * generator pins itself: what a generated app gets must come from the lockfile.
 */
export const LOCKED = {
  '@types/express': '5.99.1',
  '@types/supertest': '7.99.1',
  supertest: '7.99.2',
  'dockerfile-ast': '0.99.3',
  cdk8s: '2.99.4',
  constructs: '10.99.5',
} as const;

/** An empty Nx workspace with a root tsconfig.json and a lockfile holding `locked`. */
export function workspaceTree(locked: Record<string, string> = LOCKED): Tree {
  const tree = createTreeWithEmptyWorkspace();
  // The empty workspace configures oxfmt, which this workspace does not use (prettier formats).
  tree.delete('.oxfmtrc.json');
  tree.write('tsconfig.json', JSON.stringify({ files: [], references: [] }));
  const packages: Record<string, unknown> = { '': { name: 'fixture', workspaces: ['apps/*'] } };
  for (const [name, version] of Object.entries(locked)) {
    packages[`node_modules/${name}`] = { version };
  }
  tree.write('package-lock.json', JSON.stringify({ lockfileVersion: 3, packages }, null, 2));
  return tree;
}

/** Every file of the tree with its content, to tell what a generator wrote or left alone. */
export function snapshot(tree: Tree): Map<string, string> {
  return new Map(
    tree
      .listChanges()
      .filter((change) => change.type !== 'DELETE')
      .map((change) => [change.path, change.content?.toString('utf8') ?? '']),
  );
}

/** The paths whose content differs between two snapshots. */
export function changedPaths(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...after].filter(([path, content]) => before.get(path) !== content).map(([path]) => path);
}
