import type { Catalog } from '@platform/environments';
import { ImageStore } from '@platform/image-catalog';
import { openWorkspace, type Workspace } from '@platform/manifests';
import { GitRepo } from './git-repo.js';

/** The working tree, its environments and apps, and the stores the commands act on. */
export interface ReleaseContext {
  readonly root: string;
  /** What a render of this tree reads: the environments, the apps and their charts. */
  readonly workspace: Workspace;
  readonly catalog: Catalog;
  readonly git: GitRepo;
  readonly images: ImageStore;
  /** Progress lines (stderr in the CLI). */
  readonly log: (line: string) => void;
}

export function releaseContext(
  root: string,
  open: (root: string) => Workspace = openWorkspace,
  log: (line: string) => void = () => undefined,
): ReleaseContext {
  const workspace = open(root);
  return {
    root,
    workspace,
    catalog: workspace.catalog,
    git: new GitRepo(root),
    images: new ImageStore(root),
    log,
  };
}
