import { reservedNamespaces } from '@platform/environments';
import { ImageStore, type AppImage } from '@platform/image-catalog';
import type { AppChartClass } from '@platform/workloads';
import type { ManifestLocation } from './manifest-file.js';
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
  /** The image of every app deployed in an environment, environment by environment. */
  readonly deployments: readonly AppImage[];
  /** Apps of the scope that have no image in an environment yet, so are not deployed there. */
  readonly undeployed: readonly Pick<ManifestLocation, 'environment' | 'app'>[];
}

/**
 * Renders in memory: every app of the scope in every environment of the scope where it has an
 * image (an app enters an environment with its first image there), and each environment's
 * platform layer (`_platform/`) unless the scope names apps. Only the charts of the apps in
 * scope are loaded.
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
  const files: RenderedFile[] = [];
  for (const { environment, app, image } of deployments) {
    const chart = charts.get(app);
    if (!chart) continue;
    files.push(
      ...renderApp({
        app,
        chart,
        environment: catalog.environment(environment),
        image,
        extras: await readSealedSecrets(root, catalog.app(app), environment),
      }),
    );
  }
  if (!scope.apps) {
    const everyEnvironment = catalog.environmentNames().map((name) => catalog.environment(name));
    const reserved = reservedNamespaces(everyEnvironment);
    for (const name of environments)
      files.push(
        ...renderPlatform({ environment: catalog.environment(name), reservedNamespaces: reserved }),
      );
  }
  files.sort((a, b) => (a.file < b.file ? -1 : 1));
  const undeployed = apps.flatMap((app) =>
    environments
      .filter((e) => !deployments.some((d) => d.environment === e && d.app === app))
      .map((environment) => ({ environment, app })),
  );
  return { environments, apps, files, deployments, undeployed };
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
  const problems = validateManifests(result.files);
  if (problems.length > 0) throw new ValidationFailedError(problems);
  const written = await writeManifests(workspace.root, result.files, {
    environments: result.environments,
    apps: scope.apps,
  });
  const everything = !scope.environments && !scope.apps;
  const removed = everything
    ? await removeStaleEnvironments(workspace.root, result.environments)
    : [];
  return { ...result, written, removed };
}

/**
 * Validates what is on disk (what git holds), for every environment directory or the given ones,
 * including the version guard against each environment's cluster stack; its warnings never fail.
 */
export async function validateOnDisk(
  root: string,
  only?: readonly string[],
  options: VersionGuardOptions = {},
): Promise<{ problems: Problem[]; warnings: Warning[]; objects: number; files: number }> {
  const tree = await readManifestTree(root, only);
  const { manifests, problems } = loadManifests(tree.values());
  const guard = await checkVersionGuard(root, manifests, options);
  await loadSchemasOf(manifests);
  return {
    problems: [...problems, ...validateManifests(manifests), ...guard.problems],
    warnings: guard.warnings,
    objects: manifests.length,
    files: tree.size,
  };
}

/** Re-renders in memory and compares with `manifests/` on disk, without writing anything. */
export async function checkFreshness(workspace: Workspace): Promise<TreeDifference> {
  const result = await renderWorkspace(workspace);
  return diffTrees(toTree(result.files), await readManifestTree(workspace.root));
}
