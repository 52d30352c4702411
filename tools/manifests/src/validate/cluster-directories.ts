import {
  clusterAppsDirectory,
  clusterRole,
  clustersWithOwnValues,
  CLUSTERS_DIRECTORY,
  type Environment,
} from '@platform/environments';
import type { ManifestLocation } from '../manifest-file.js';
import type { Problem } from './problem.js';

/**
 * Every directory under `manifests/<env>/_clusters/` is the own directory of a workload
 * cluster the environment's data gives values: any other (a cluster not listed, the hub, one
 * without values, a file directly in `_clusters/`) would be synced by nothing, or hide that the
 * cluster syncs the shared directories. One problem per directory, naming it and why.
 * Environments the data does not know are left alone (nothing renders them).
 */
export function checkClusterDirectories(
  files: Iterable<ManifestLocation>,
  environments: readonly Environment[],
): Problem[] {
  const byName = new Map(environments.map((e) => [e.name, e]));
  const reported = new Map<string, Problem>();
  for (const location of files) {
    const environment = byName.get(location.environment);
    if (!environment) continue;
    const stray = location.cluster === undefined && location.app === CLUSTERS_DIRECTORY;
    if (location.cluster === undefined && !stray) continue;
    const path = stray
      ? location.file
      : clusterAppsDirectory(environment.name, String(location.cluster));
    if (reported.has(path)) continue;
    const why = stray
      ? 'is a file directly in _clusters/'
      : whyNotOwn(environment, String(location.cluster));
    if (why === undefined) continue;
    reported.set(path, {
      file: path,
      object: '(directory)',
      check: 'workspace',
      message: `${why}: _clusters/ holds only the own directories of clusters with values (${ownList(environment)})`,
      fix: 'run `npm run synth` (a full render removes it), or give the cluster values in libs/environments',
    });
  }
  return [...reported.values()];
}

/** Why `_clusters/<cluster>/` is not a directory the data gives, or undefined when it is. */
function whyNotOwn(environment: Environment, cluster: string): string | undefined {
  const where = `environment '${environment.name}'`;
  const listed = environment.clusters?.find((c) => c.name === cluster);
  if (!listed) return `cluster '${cluster}' is not listed in ${where}`;
  if (clusterRole(listed) === 'hub')
    return `cluster '${cluster}' is the hub of ${where}, which runs no apps`;
  if (!clustersWithOwnValues(environment).some((c) => c.name === cluster))
    return `cluster '${cluster}' of ${where} has no values of its own, so it syncs manifests/${environment.name}/<app>/`;
  return undefined;
}

function ownList(environment: Environment): string {
  const own = clustersWithOwnValues(environment).map((c) => c.name);
  return own.length === 0
    ? `none in '${environment.name}'`
    : `in '${environment.name}': ${own.join(', ')}`;
}
