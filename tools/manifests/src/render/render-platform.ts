import { engineOf, type Environment, type WorkspaceRepository } from '@platform/environments';
import { fluxPlatformFiles, PLATFORM_DIRECTORY, PlatformChart } from '@platform/platform';
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
  /** The apps deployed in the environment (Flux has a Kustomization per app directory). */
  readonly apps: readonly string[];
  /** @default the workspace's repository (libs/environments) */
  readonly repository?: WorkspaceRepository;
}

/**
 * Renders an environment's platform layer to `manifests/<env>/_platform/`, one file per object
 * as for an app: libs/platform's Argo CD chart (the objects of AWS-only add-ons in `aws/`,
 * their kind stand-ins in `local/`), or its Flux layer when the environment's engine is Flux.
 */
export function renderPlatform(input: PlatformRender): RenderedFile[] {
  const { environment } = input;
  const files =
    engineOf(environment) === 'flux'
      ? fluxPlatformFiles({
          environment,
          apps: input.apps,
          ...(input.repository ? { repository: input.repository } : {}),
        })
      : new PlatformChart(new App({ outdir: '/dev/null' }), PLATFORM_DIRECTORY, {
          environment,
          reservedNamespaces: input.reservedNamespaces,
          ...(input.repository ? { repository: input.repository } : {}),
        }).files();
  const seen = new Set<string>();
  return files
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
