import type { Tree } from '@nx/devkit';

const LOCKFILE = 'package-lock.json';

interface LockedPackage {
  readonly name?: string;
  readonly version?: string;
  readonly resolved?: string;
  readonly link?: boolean;
  readonly dependencies?: Record<string, string>;
  readonly devDependencies?: Record<string, string>;
}

interface Lockfile {
  readonly lockfileVersion: number;
  packages: Record<string, LockedPackage>;
}

function readLockfile(tree: Tree): Lockfile {
  const text = tree.read(LOCKFILE, 'utf8');
  if (text === null) throw new Error(`${LOCKFILE} is missing: run \`npm install\` once first`);
  const lockfile = JSON.parse(text) as Lockfile;
  if (lockfile.lockfileVersion < 2 || typeof lockfile.packages !== 'object') {
    throw new Error(`${LOCKFILE} is lockfileVersion ${lockfile.lockfileVersion}; npm 7+ writes 3`);
  }
  return lockfile;
}

/** The version the workspace has installed at the top of node_modules, if any. */
export function installedVersion(tree: Tree, name: string): string | undefined {
  return readLockfile(tree).packages[`node_modules/${name}`]?.version;
}

/** A workspace package as npm records it: its manifest's name, version and dependency ranges. */
export interface WorkspacePackage {
  readonly path: string;
  readonly manifest: Omit<LockedPackage, 'resolved' | 'link'> & { readonly name: string };
}

/**
 * Records new workspace packages the way `npm install` would: an entry for the folder and a
 * link from `node_modules/<name>`, keys in npm's order. Their external dependencies must
 * already be locked at the top level (see installedVersion); then `npm ci` accepts the file
 * without a network.
 */
export function addWorkspacePackages(tree: Tree, packages: readonly WorkspacePackage[]): void {
  const lockfile = readLockfile(tree);
  const entries = { ...lockfile.packages };
  for (const { path, manifest } of packages) {
    entries[path] = manifest;
    entries[`node_modules/${manifest.name}`] = { resolved: path, link: true };
  }
  lockfile.packages = Object.fromEntries(
    Object.entries(entries).sort(([a], [b]) => a.localeCompare(b, 'en')),
  );
  tree.write(LOCKFILE, `${JSON.stringify(lockfile, null, 2)}\n`);
}
