import { visitNotIgnoredFiles, type Tree } from '@nx/devkit';

/** Where the workspace's repository is declared (libs/environments, `workspaceRepository`). */
export const REPOSITORY_FILE = 'libs/environments/src/repository.ts';
// The one `url:` of the `workspaceRepository` literal (prettier indents its fields by two).
const URL_FIELD = /^( {2}url: ')([^']+)(',)$/m;

/**
 * Points the workspace's repository at `<owner>/<name>`, keeping its https or ssh form (the
 * form Argo CD's repository Secret uses), and moves the old URL in the rendered manifests
 * (the platform layer's AppProjects and ApplicationSet), which then match a fresh render.
 * A workspace without the file (older than the platform layer) is left as it is.
 */
export function writeWorkspaceRepository(tree: Tree, repository: string): void {
  const text = tree.read(REPOSITORY_FILE, 'utf8');
  if (text === null) return;
  const current = URL_FIELD.exec(text)?.[2];
  if (current === undefined) throw new Error(`${REPOSITORY_FILE} declares no url: '…'`);
  const next = current.startsWith('git@')
    ? `git@github.com:${repository}.git`
    : `https://github.com/${repository}.git`;
  if (next === current) return;
  tree.write(REPOSITORY_FILE, text.replace(URL_FIELD, `$1${next}$3`));
  if (!tree.exists('manifests')) return;
  visitNotIgnoredFiles(tree, 'manifests', (path) => {
    const manifest = tree.read(path, 'utf8');
    if (manifest?.includes(current)) tree.write(path, manifest.split(current).join(next));
  });
}
