import type { CatalogApp } from '@platform/environments';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import type { KubeObject } from '../validate/problem.js';
import { RenderError } from './render-error.js';

/**
 * The SealedSecrets of one app in one environment, read from `apps/<app>/deploy/sealed-secrets/<env>/`.
 * They are encrypted for that environment's cluster, so they are safe in git; the renderer
 * copies them into the app's rendered directory. Each must be a SealedSecret sealed for the
 * app's namespace (the default, strict scope binds it to its name and namespace).
 */
export async function readSealedSecrets(
  root: string,
  app: CatalogApp,
  environment: string,
): Promise<KubeObject[]> {
  const directory = app.sealedSecrets(environment);
  const files = (await readdir(join(root, directory)).catch(() => [] as string[]))
    .filter((f) => /\.ya?ml$/.test(f))
    .sort();
  const objects: KubeObject[] = [];
  for (const file of files) {
    const path = `${directory}/${file}`;
    for (const document of parseAllDocuments(await readFile(join(root, path), 'utf8'))) {
      if ('errors' in document && document.errors.length > 0) {
        throw new RenderError(`${path}: is not valid YAML: ${document.errors[0]?.message ?? ''}`);
      }
      const object = document.toJS() as KubeObject | null;
      if (!object) continue;
      if (object.apiVersion !== 'bitnami.com/v1alpha1' || object.kind !== 'SealedSecret') {
        throw new RenderError(
          `${path}: holds a ${String(object.apiVersion)}/${String(object.kind)}; only SealedSecrets go here (never a plain Secret: seal it with kubeseal)`,
        );
      }
      if (object.metadata?.namespace !== app.name) {
        throw new RenderError(
          `${path}: SealedSecret/${String(object.metadata?.name)} is sealed for namespace '${String(object.metadata?.namespace)}'; ` +
            `seal it for '${app.name}' (kubeseal --namespace ${app.name})`,
        );
      }
      objects.push(withoutNullTimestamps(object));
    }
  }
  return objects;
}

/** kubeseal writes `creationTimestamp: null` in two places: noise in a rendered file. */
function withoutNullTimestamps(object: KubeObject): KubeObject {
  const strip = (metadata: unknown) => {
    if (
      metadata &&
      typeof metadata === 'object' &&
      (metadata as Record<string, unknown>)['creationTimestamp'] === null
    ) {
      delete (metadata as Record<string, unknown>)['creationTimestamp'];
    }
  };
  const copy = structuredClone(object) as KubeObject & {
    spec?: { template?: { metadata?: unknown } };
  };
  strip(copy.metadata);
  strip(copy.spec?.template?.metadata);
  return copy;
}
