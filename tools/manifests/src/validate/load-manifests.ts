import { parseAllDocuments } from 'yaml';
import { isKustomizationFile } from '../render/kustomization-files.js';
import { generatedHeader } from '../render/serialize.js';
import type { ManifestFile } from '../manifest-file.js';
import type { KubeObject, ManifestObject, Problem } from './problem.js';

/** Parses rendered files back into objects; a file that is not generated YAML is itself a problem. */
export function loadManifests(files: Iterable<ManifestFile>): {
  manifests: ManifestObject[];
  problems: Problem[];
} {
  const manifests: ManifestObject[] = [];
  const problems: Problem[] = [];
  const fileProblem = (file: string, message: string, fix: string): Problem => ({
    file,
    object: '(file)',
    check: 'file',
    message,
    fix,
  });
  for (const { content, ...location } of files) {
    const { file, app } = location;
    // kustomize's entry points, not objects: checked on their own (kustomization-rules.ts).
    if (isKustomizationFile(file)) continue;
    if (!file.endsWith('.yaml')) {
      problems.push(
        fileProblem(file, 'is not a .yaml file', 'remove it: manifests/ holds rendered YAML only'),
      );
      continue;
    }
    // A file outside an app directory was never rendered, so it cannot carry a header.
    if (app === undefined || !content.startsWith(generatedHeader(app))) {
      problems.push(
        fileProblem(
          file,
          'does not start with the generated-file header',
          'do not edit manifests/ by hand; run `npm run synth`',
        ),
      );
    }
    for (const document of parseAllDocuments(content)) {
      if ('errors' in document && document.errors.length > 0) {
        problems.push(
          fileProblem(
            file,
            `is not valid YAML: ${document.errors[0]?.message}`,
            'run `npm run synth`',
          ),
        );
        continue;
      }
      const object = document.toJS() as unknown;
      if (object === null || object === undefined) continue;
      if (typeof object !== 'object' || Array.isArray(object)) {
        problems.push(
          fileProblem(
            file,
            'holds a document that is not a Kubernetes object',
            'run `npm run synth`',
          ),
        );
        continue;
      }
      manifests.push({ ...location, object: object as KubeObject });
    }
  }
  return { manifests, problems };
}
