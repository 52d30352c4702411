import type { Environment, WorkspaceRepository } from '@platform/environments';
import { PLATFORM_DIRECTORY, PlatformChart } from '@platform/platform';
import { App } from 'cdk8s';
import { manifestLocation } from '../manifest-file.js';
import type { KubeObject } from '../validate/problem.js';
import type { RenderedFile } from './render-app.js';
import { RenderError } from './render-error.js';
import { fileNameFor, serializeObject } from './serialize.js';

export interface PlatformRender {
  readonly environment: Environment;
  /** The namespaces no app may take, over every environment of the workspace. */
  readonly reservedNamespaces: readonly string[];
  /** @default the workspace's repository (libs/environments) */
  readonly repository?: WorkspaceRepository;
}

/**
 * Renders an environment's platform layer (libs/platform's chart) to
 * `manifests/<env>/_platform/`, the objects of AWS-only add-ons to `aws/`, their kind
 * stand-ins to `local/`: one file per object, as for an app.
 */
export function renderPlatform(input: PlatformRender): RenderedFile[] {
  const { environment } = input;
  const chart = new PlatformChart(new App({ outdir: '/dev/null' }), PLATFORM_DIRECTORY, {
    environment,
    reservedNamespaces: input.reservedNamespaces,
    ...(input.repository ? { repository: input.repository } : {}),
  });
  const seen = new Set<string>();
  return chart
    .files()
    .map(({ directory, object }): RenderedFile => {
      const name = fileNameFor(object as KubeObject);
      const location = manifestLocation(
        environment.name,
        PLATFORM_DIRECTORY,
        directory === undefined ? name : `${directory}/${name}`,
      );
      if (seen.has(location.file))
        throw new RenderError(`${location.file}: two platform objects share this kind and name`);
      seen.add(location.file);
      const kubeObject = object as KubeObject;
      return {
        ...location,
        app: PLATFORM_DIRECTORY,
        object: kubeObject,
        content: serializeObject(PLATFORM_DIRECTORY, kubeObject),
      };
    })
    .sort((a, b) => (a.file < b.file ? -1 : 1));
}
