import { appName, Catalog } from '@platform/environments';
import { ImageStore } from '@platform/image-catalog';
import type { ImageReference } from '@platform/image-ref';
import {
  diffTrees,
  readManifestTree,
  removeStaleEnvironments,
  writeEnvironments,
  type ManifestTree,
  type TreeDifference,
} from './render/manifest-tree.js';
import { renderEnvironment, type RenderedFile } from './render/render-environment.js';
import { readSealedSecrets } from './render/sealed-secrets.js';
import { loadManifests } from './validate/load-manifests.js';
import { formatProblem, type KubeObject, type Problem } from './validate/problem.js';
import { validateManifests } from './validate/validate-manifests.js';

/** The rendered output failed validation; nothing was written. */
export class ValidationFailedError extends Error {
  override name = 'ValidationFailedError';
  constructor(readonly problems: readonly Problem[]) {
    super(
      `${problems.length} validation problem${problems.length === 1 ? '' : 's'}:\n${problems.map(formatProblem).join('\n')}`,
    );
  }
}

export interface RenderResult {
  readonly environments: readonly string[];
  readonly files: readonly RenderedFile[];
  readonly images: ReadonlyMap<string, ImageReference>;
}

/** Renders the given environments (default: all) in memory from the catalog and the image files. */
export async function renderWorkspace(
  root: string,
  catalog: Catalog,
  only?: readonly string[],
  apps?: readonly string[],
): Promise<RenderResult> {
  const environments = (only ?? catalog.environmentNames()).map((name) =>
    catalog.environment(name),
  );
  const scope = apps
    ? new Catalog(
        catalog.environments,
        apps.map((app) => catalog.app(app)),
      )
    : catalog;
  const images = await new ImageStore(root).readAll(
    environments.map((e) => e.name),
    scope.appNames(),
  );
  const extras = new Map<string, KubeObject[]>();
  for (const environment of environments) {
    for (const app of scope.apps)
      extras.set(
        `${environment.name}/${appName(app)}`,
        await readSealedSecrets(root, app, environment.name),
      );
  }
  const files = environments.flatMap((environment) =>
    renderEnvironment(scope, environment, images, extras),
  );
  return { environments: environments.map((e) => e.name), files, images };
}

export interface SynthResult extends RenderResult {
  /** Environments whose directory changed on disk. */
  readonly written: readonly string[];
  /** Environment directories removed because no environment renders them. */
  readonly removed: readonly string[];
}

/**
 * Renders, validates in memory, and only then writes: bad input leaves
 * `manifests/` exactly as it was. Rendering every environment also removes
 * directories of environments that no longer exist.
 */
export async function synth(
  root: string,
  catalog: Catalog,
  only?: readonly string[],
  options: SynthOptions = {},
): Promise<SynthResult> {
  const result = await renderWorkspace(root, catalog, only, options.apps);
  const problems = validateManifests(result.files);
  if (problems.length > 0) throw new ValidationFailedError(problems);
  const written = await writeEnvironments(
    root,
    result.environments,
    toTree(result.files),
    options.apps,
  );
  const removed = only ? [] : await removeStaleEnvironments(root, result.environments);
  return { ...result, written, removed };
}

export interface SynthOptions {
  /** Render and write only these apps' directories; the others are left as they are. @default every app */
  readonly apps?: readonly string[];
}

/** Validates what is on disk (what git holds), for every environment directory or the given ones. */
export async function validateOnDisk(
  root: string,
  only?: readonly string[],
): Promise<{ problems: Problem[]; objects: number; files: number }> {
  const tree = await readManifestTree(root, only);
  const { manifests, problems } = loadManifests(tree);
  return {
    problems: [...problems, ...validateManifests(manifests)],
    objects: manifests.length,
    files: tree.size,
  };
}

/** Re-renders in memory and compares with `manifests/` on disk, without writing anything. */
export async function checkFreshness(root: string, catalog: Catalog): Promise<TreeDifference> {
  const result = await renderWorkspace(root, catalog);
  return diffTrees(toTree(result.files), await readManifestTree(root));
}

export function toTree(files: readonly RenderedFile[]): ManifestTree {
  return new Map(files.map((file) => [file.file, file.content]));
}
