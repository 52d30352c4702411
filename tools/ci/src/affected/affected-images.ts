import { defaultRepository, type Catalog } from '@platform/environments';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One image the release workflow builds: a matrix entry. */
export interface ImageToBuild {
  readonly app: string;
  readonly project: string;
  readonly dockerfile: string;
  /** Where it is pushed: `<environment's imageRegistry>/<app>`. */
  readonly repository: string;
  /** The same without the registry host, as ECR names a repository (`<prefix>/<app>`). */
  readonly repositoryName: string;
}

/**
 * The apps whose image must be rebuilt for `environment` (the first one releases land in): the
 * apps of the catalog that have a Dockerfile and whose service project is affected. The
 * service's package.json names its Nx project; its chart (`deploy/`) is a project of its own,
 * so a chart-only change builds no image.
 */
export function imagesToBuild(
  root: string,
  catalog: Catalog,
  affectedProjects: readonly string[],
  environment: string,
): ImageToBuild[] {
  const target = catalog.environment(environment);
  const affected = new Set(affectedProjects);
  return catalog.apps.flatMap((app) => {
    if (!existsSync(join(root, app.dockerfile))) return [];
    const project = (
      JSON.parse(readFileSync(join(root, app.folder, 'package.json'), 'utf8')) as { name: string }
    ).name;
    if (!affected.has(project)) return [];
    const repository = defaultRepository(target, app.name);
    return [
      {
        app: app.name,
        project,
        dockerfile: app.dockerfile,
        repository,
        repositoryName: repository.slice(repository.indexOf('/') + 1),
      },
    ];
  });
}
