import {
  clusterEnvironment,
  clustersWithOwnValues,
  clusterStacks,
  engineOf,
  reservedNamespaces,
} from '@platform/environments';
import { PLATFORM_DIRECTORY } from '@platform/platform';
import { ImageStore, type AppImage } from '@platform/image-catalog';
import type { AppChartClass } from '@platform/workloads';
import type { ManifestFile, ManifestLocation } from './manifest-file.js';
import { kustomizationFiles } from './render/kustomization-files.js';
import { checkClusterDirectories } from './validate/cluster-directories.js';
import { checkKustomizations } from './validate/kustomization-rules.js';
import {
  diffTrees,
  readManifestTree,
  toTree,
  type TreeDifference,
} from './render/manifest-tree.js';
import { renderApp, type RenderedFile } from './render/render-app.js';
import { renderPlatform } from './render/render-platform.js';
import { readSealedSecrets } from './render/sealed-secrets.js';
import { removeStaleEnvironments, writeManifests } from './render/write-manifests.js';
import { loadManifests } from './validate/load-manifests.js';
import { formatProblem, type Problem } from './validate/problem.js';
import { loadSchemasOf, validateManifests } from './validate/validate-manifests.js';
import { checkVersionGuard, type VersionGuardOptions } from './validate/version-guard.js';
import type { Warning } from './validate/warning.js';
import type { Workspace } from './workspace.js';

/** The rendered output failed validation; nothing was written. */
export class ValidationFailedError extends Error {
  override name = 'ValidationFailedError';
  constructor(readonly problems: readonly Problem[]) {
    super(
      `${problems.length} validation problem${problems.length === 1 ? '' : 's'}:\n${problems.map(formatProblem).join('\n')}`,
    );
  }
}

/** What to render: some environments, some apps. @default every environment and every app */
export interface RenderScope {
  readonly environments?: readonly string[];
  readonly apps?: readonly string[];
}

export interface RenderResult {
  readonly environments: readonly string[];
  readonly apps: readonly string[];
  readonly files: readonly RenderedFile[];
  /** The kustomization.yaml files of the environments in scope (render/kustomization-files.ts). */
  readonly kustomizations: readonly ManifestFile[];
  /** The environments whose platform layer (`_platform/`) is among `files`. */
  readonly platformEnvironments: readonly string[];
  /** The image of every app deployed in an environment, environment by environment. */
  readonly deployments: readonly AppImage[];
  /** Apps of the scope that have no image in an environment yet, so are not deployed there. */
  readonly undeployed: readonly Pick<ManifestLocation, 'environment' | 'app'>[];
}

/**
 * Renders in memory: every app of the scope in every environment of the scope where it has an
 * image (an app enters an environment with its first image there), again for each cluster
 * with values of its own into its directory (`_clusters/<cluster>/<app>/`, the same image,
 * the cluster's values over the environment's), and each environment's
 * platform layer (`_platform/`) and kustomization files, which depend on which apps an
 * environment has, so they are rendered for a scope of some apps too. Only the charts of the
 * apps in scope are loaded.
 */
export async function renderWorkspace(
  workspace: Workspace,
  scope: RenderScope = {},
): Promise<RenderResult> {
  const { catalog, root } = workspace;
  const environments = scope.environments ?? catalog.environmentNames();
  const apps = scope.apps ?? catalog.appNames();
  environments.forEach((name) => catalog.environment(name));
  apps.forEach((name) => catalog.app(name));
  const deployments = await new ImageStore(root).readAll(environments, apps);
  // Every chart that renders somewhere, imported at once: each import is a round trip to the
  // TypeScript loader's thread, and in sequence they cost more than the render (measured on 100
  // apps: 1.9 s of waiting).
  const charts = new Map<string, AppChartClass>(
    await Promise.all(
      [...new Set(deployments.map((d) => d.app))].map(
        async (app) => [app, await workspace.loadChart(app)] as const,
      ),
    ),
  );
  // The clusters with values of their own, by environment: each gets every app again, in its
  // own directory, rendered with its values over the environment's.
  const ownClusters = new Map(
    environments.map((name) => [name, clustersWithOwnValues(catalog.environment(name))]),
  );
  const files: RenderedFile[] = [];
  for (const { environment, app, image } of deployments) {
    const chart = charts.get(app);
    if (!chart) continue;
    const data = catalog.environment(environment);
    const extras = await readSealedSecrets(root, catalog.app(app), environment);
    files.push(...renderApp({ app, chart, environment: data, image, extras }));
    for (const cluster of ownClusters.get(environment) ?? []) {
      files.push(
        ...renderApp({
          app,
          chart,
          environment: clusterEnvironment(data, cluster),
          image,
          extras,
          cluster: cluster.name,
        }),
      );
    }
  }
  const everyEnvironment = catalog.environmentNames().map((name) => catalog.environment(name));
  const reserved = reservedNamespaces(everyEnvironment);
  // Which apps each environment has, in scope or not: those with an image file there (the
  // files of the apps out of scope are not read; a full render and validate check them).
  const deployed = scope.apps
    ? new ImageStore(root).deployedApps(environments, catalog.appNames())
    : deployments;
  // A scope of some apps re-renders a platform layer only where it lists the apps (Flux's
  // Kustomization per app); Argo CD's is the same whatever apps there are.
  const platformEnvironments = environments.filter(
    (name) => !scope.apps || engineOf(catalog.environment(name)) === 'flux',
  );
  for (const name of platformEnvironments) {
    const apps = deployed.filter((d) => d.environment === name).map((d) => d.app);
    files.push(
      ...renderPlatform({
        environment: catalog.environment(name),
        reservedNamespaces: reserved,
        apps,
      }),
    );
  }
  files.sort((a, b) => (a.file < b.file ? -1 : 1));
  const kustomizations = kustomizationFiles(
    files,
    environments.map((name) => ({
      environment: catalog.environment(name),
      apps: deployed.filter((d) => d.environment === name).map((d) => d.app),
    })),
  );
  const undeployed = apps.flatMap((app) =>
    environments
      .filter((e) => !deployments.some((d) => d.environment === e && d.app === app))
      .map((environment) => ({ environment, app })),
  );
  return {
    environments,
    apps,
    files,
    kustomizations,
    platformEnvironments,
    deployments,
    undeployed,
  };
}

export interface SynthResult extends RenderResult {
  /** Environments where a file changed on disk. */
  readonly written: readonly string[];
  /** Environment directories removed because no environment renders them. */
  readonly removed: readonly string[];
}

/**
 * Renders and validates everything in memory, and only then writes: bad input leaves
 * `manifests/` exactly as it was. Only the directories of the apps in scope are written (an
 * app that left an environment loses its files there); a full render also removes the files
 * of apps and environments that no longer exist.
 */
export async function synth(workspace: Workspace, scope: RenderScope = {}): Promise<SynthResult> {
  const result = await renderWorkspace(workspace, scope);
  await loadSchemasOf(result.files);
  const problems = [
    ...validateManifests(result.files),
    ...checkKustomizations([...result.files, ...result.kustomizations], result.files, {
      partial: scope.apps !== undefined,
    }),
  ];
  if (problems.length > 0) throw new ValidationFailedError(problems);
  // A scope of some apps writes theirs, and what depends on which apps there are: the
  // environment's kustomization.yaml and, on Flux, its platform layer.
  const written = await writeManifests(
    workspace.root,
    [...result.files, ...result.kustomizations],
    {
      environments: result.environments,
      apps: scope.apps && [
        ...scope.apps,
        ...(result.platformEnvironments.length > 0 ? [PLATFORM_DIRECTORY] : []),
      ],
      environmentFiles: scope.apps !== undefined,
      platformEnvironments: result.platformEnvironments,
    },
  );
  const everything = !scope.environments && !scope.apps;
  const removed = everything
    ? await removeStaleEnvironments(workspace.root, result.environments)
    : [];
  return { ...result, written, removed };
}

/**
 * Validates what is on disk (what git holds), for every environment directory or the given ones,
 * including the version guard against each environment's cluster stacks; its warnings never fail.
 * The workspace's environments say which clusters may have a directory under `_clusters/`.
 */
export async function validateOnDisk(
  workspace: Pick<Workspace, 'root' | 'catalog'>,
  only?: readonly string[],
  options: VersionGuardOptions = {},
): Promise<{ problems: Problem[]; warnings: Warning[]; objects: number; files: number }> {
  const { root, catalog } = workspace;
  const tree = await readManifestTree(root, only);
  const { manifests, problems } = loadManifests(tree.values());
  const environments = catalog.environmentNames().map((name) => catalog.environment(name));
  const guard = await checkVersionGuard(root, manifests, {
    stacksOf: (name) => {
      const environment = environments.find((e) => e.name === name);
      return environment ? clusterStacks([environment]) : [name];
    },
    ...options,
  });
  await loadSchemasOf(manifests);
  return {
    problems: [
      ...problems,
      ...checkClusterDirectories(tree.values(), environments),
      ...validateManifests(manifests),
      ...checkKustomizations([...tree.values()], manifests),
      ...guard.problems,
    ],
    warnings: guard.warnings,
    objects: manifests.length,
    files: tree.size,
  };
}

/** Re-renders in memory and compares with `manifests/` on disk, without writing anything. */
export async function checkFreshness(workspace: Workspace): Promise<TreeDifference> {
  const result = await renderWorkspace(workspace);
  return diffTrees(
    toTree([...result.files, ...result.kustomizations]),
    await readManifestTree(workspace.root),
  );
}
