import type { Catalog } from '@platform/environments';
import { ImageStore } from '@platform/image-catalog';
import { GitRepo } from './git-repo.js';

/** The working tree, its catalog of environments and apps, and the stores the commands act on. */
export interface ReleaseContext {
  readonly root: string;
  readonly catalog: Catalog;
  readonly git: GitRepo;
  readonly images: ImageStore;
  /** Progress lines (stderr in the CLI). */
  readonly log: (line: string) => void;
}

export function releaseContext(
  root: string,
  catalog: Catalog,
  log: (line: string) => void = () => undefined,
): ReleaseContext {
  return { root, catalog, git: new GitRepo(root), images: new ImageStore(root), log };
}
