import { appName, type Catalog } from '@platform/environments';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One image the release workflow builds: a matrix entry. */
export interface ImageToBuild {
  readonly app: string;
  readonly project: string;
  readonly dockerfile: string;
}

/**
 * The apps whose image must be rebuilt: those whose Nx project is affected and
 * that have a Dockerfile. The catalog maps each app to its source directory;
 * the directory's package.json names its Nx project.
 */
export function imagesToBuild(
  root: string,
  catalog: Catalog,
  affectedProjects: readonly string[],
): ImageToBuild[] {
  const affected = new Set(affectedProjects);
  return catalog.apps.flatMap((app) => {
    const dockerfile = `${app.source}/Dockerfile`;
    if (!existsSync(join(root, dockerfile))) return [];
    const project = (
      JSON.parse(readFileSync(join(root, app.source, 'package.json'), 'utf8')) as { name: string }
    ).name;
    return affected.has(project) ? [{ app: appName(app), project, dockerfile }] : [];
  });
}
