import { appName, type Catalog, type Environment } from '@platform/environments';
import type { ImageReference } from '@platform/image-ref';
import { WebServiceChart } from '@platform/workloads';
import { App } from 'cdk8s';
import type { KubeObject, ManifestObject } from '../validate/problem.js';
import { RenderError } from './render-error.js';
import { fileNameFor, serializeObject } from './serialize.js';
import { webServicePropsFor } from './web-service-props-for.js';

/** One rendered file: its path relative to the workspace root, its bytes and the object in it. */
export interface RenderedFile extends ManifestObject {
  readonly content: string;
}

/** Where rendered environments live, relative to the workspace root. */
export const MANIFESTS_DIRECTORY = 'manifests';

export { RenderError };

/**
 * Renders every app of one environment to `manifests/<env>/<app>/<kind>-<name>.yaml`.
 * Each app is synthesized in an App of its own: a cdk8s App re-validates all of
 * its charts on every synthesis, so one App per chart keeps rendering linear in
 * the number of apps.
 */
export function renderEnvironment(
  catalog: Catalog,
  environment: Environment,
  images: ReadonlyMap<string, ImageReference>,
  /** Objects that come as they are, by `<env>/<app>` (the apps' SealedSecrets). @default none */
  extras: ReadonlyMap<string, readonly KubeObject[]> = new Map(),
): RenderedFile[] {
  const files: RenderedFile[] = [];
  for (const app of catalog.apps) {
    const name = appName(app);
    const image = images.get(`${environment.name}/${name}`);
    if (!image)
      throw new RenderError(`no image for app '${name}' in environment '${environment.name}'`);
    const cdk8sApp = new App({ outdir: '/dev/null' });
    const chart = new WebServiceChart(cdk8sApp, name, webServicePropsFor(environment, app, image));
    const seen = new Set<string>();
    const objects = [
      ...(chart.toJson() as KubeObject[]),
      ...(extras.get(`${environment.name}/${name}`) ?? []),
    ];
    for (const object of objects) {
      const file = `${MANIFESTS_DIRECTORY}/${environment.name}/${name}/${fileNameFor(object)}`;
      if (seen.has(file))
        throw new RenderError(`${file}: two objects of app '${name}' share this kind and name`);
      seen.add(file);
      files.push({ file, object, content: serializeObject(object) });
    }
  }
  return files.sort((a, b) => (a.file < b.file ? -1 : 1));
}
