import { posix } from 'node:path';
import { parse } from 'yaml';
import type { ManifestFile } from '../manifest-file.js';
import { isKustomizationFile, KUSTOMIZATION_FILE } from '../render/kustomization-files.js';
import { objectLabel, type ManifestObject, type Problem } from './problem.js';

const FLUX_KUSTOMIZATION = 'kustomize.toolkit.fluxcd.io/v1/Kustomization';

export interface KustomizationCheckOptions {
  /**
   * Only some apps' directories are at hand (a render of some apps): a directory a kustomization
   * or a Flux Kustomization names may be one of the others. @default false
   */
  readonly partial?: boolean;
}

/**
 * The kustomize entry points hold together: each kustomization.yaml is a Kustomization listing
 * exactly the files of its directory (no file left out, none that is not there) and
 * directories that have a kustomization.yaml; each Flux Kustomization's `spec.path` is such a
 * directory, so what Flux is told to build exists.
 */
export function checkKustomizations(
  files: readonly Pick<ManifestFile, 'file' | 'content'>[],
  objects: readonly ManifestObject[],
  options: KustomizationCheckOptions = {},
): Problem[] {
  const paths = new Set(files.map((file) => file.file));
  // Each directory's files once, not a scan of every path per kustomization (quadratic: 1.2 s
  // of a 500-service render).
  const filesIn = new Map<string, string[]>();
  for (const path of paths) {
    if (isKustomizationFile(path)) continue;
    const directory = posix.dirname(path);
    const siblings = filesIn.get(directory);
    if (siblings) siblings.push(path);
    else filesIn.set(directory, [path]);
  }
  const isEntryPoint = (directory: string) => paths.has(posix.join(directory, KUSTOMIZATION_FILE));
  const problems: Problem[] = [];
  const problem = (file: string, object: string, message: string, fix: string) =>
    problems.push({ file, object, check: 'workspace', message, fix });
  const regenerate = 'run `npm run synth`: kustomization files are generated';

  for (const { file, content } of files.filter((f) => isKustomizationFile(f.file))) {
    const directory = posix.dirname(file);
    let body: { kind?: unknown; resources?: unknown };
    try {
      body = (parse(content) ?? {}) as typeof body;
    } catch (error) {
      problem(file, '(file)', `is not valid YAML: ${(error as Error).message}`, regenerate);
      continue;
    }
    const resources = body.resources;
    if (body.kind !== 'Kustomization' || !Array.isArray(resources)) {
      problem(file, '(file)', 'is not a Kustomization with a resources list', regenerate);
      continue;
    }
    for (const resource of resources as unknown[]) {
      const path = posix.normalize(posix.join(directory, String(resource)));
      if (paths.has(path) || isEntryPoint(path)) continue;
      const isFile = String(resource).endsWith('.yaml');
      if (options.partial && !isFile) continue;
      problem(
        file,
        'Kustomization',
        `lists '${String(resource)}', which is neither a file here nor a directory with a ${KUSTOMIZATION_FILE}`,
        regenerate,
      );
    }
    const listed = new Set((resources as unknown[]).map(String));
    for (const sibling of filesIn.get(directory) ?? []) {
      if (!listed.has(posix.basename(sibling)))
        problem(file, 'Kustomization', `leaves out ${posix.basename(sibling)}`, regenerate);
    }
  }

  for (const manifest of objects) {
    const { object } = manifest;
    if (`${String(object.apiVersion)}/${String(object.kind)}` !== FLUX_KUSTOMIZATION) continue;
    const path = String((object['spec'] as { path?: unknown } | undefined)?.path ?? '');
    const directory = posix.normalize(path.replace(/^\.\//, ''));
    if (isEntryPoint(directory)) continue;
    if (options.partial && ![...paths].some((p) => p.startsWith(`${directory}/`))) continue;
    problem(
      manifest.file,
      objectLabel(object),
      `spec.path '${path}' is not a directory of the repository with a ${KUSTOMIZATION_FILE}`,
      'point it at a rendered directory (manifests/<env>/<app> or _platform/…), or render that directory',
    );
  }
  return problems;
}
