import { clusterAppsDirectory } from '@platform/environments';

/** Where rendered environments live, relative to the workspace root. */
export const MANIFESTS_DIRECTORY = 'manifests';

/**
 * Whose a file under `manifests/` is. Built once, where the file is rendered or found on disk,
 * and carried with it from there, so that nothing parses the environment or the app back out
 * of a path.
 */
export interface ManifestLocation {
  readonly environment: string;
  /** The app directory the file is in; undefined for a file directly under `manifests/<env>/`, which no render produces. */
  readonly app: string | undefined;
  /**
   * The cluster whose own copy of the apps the file is in (`manifests/<env>/_clusters/<cluster>/`,
   * see `clusterAppsDirectory`); undefined for the environment's shared directories, which
   * every other cluster syncs.
   */
  readonly cluster?: string | undefined;
  /** The path relative to the workspace root, as git and messages show it. */
  readonly file: string;
}

/** A file under `manifests/` and its bytes. */
export interface ManifestFile extends ManifestLocation {
  readonly content: string;
}

/**
 * `manifests/<env>/<app>/<name>` (or `manifests/<env>/<name>` without an app), and with a
 * cluster `manifests/<env>/_clusters/<cluster>/<app>/<name>` (or `…/<cluster>/<name>`): the
 * one place a path is built.
 */
export function manifestLocation(
  environment: string,
  app: string | undefined,
  name: string,
  cluster?: string,
): ManifestLocation {
  const base =
    cluster === undefined
      ? `${MANIFESTS_DIRECTORY}/${environment}`
      : clusterAppsDirectory(environment, cluster);
  const directory = app === undefined ? base : `${base}/${app}`;
  return {
    environment,
    app,
    ...(cluster === undefined ? {} : { cluster }),
    file: `${directory}/${name}`,
  };
}
