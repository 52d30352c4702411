import type { Environment } from '@platform/environments';
import type { ImageReference } from '@platform/image-ref';
import type { AppChartClass, AppSecret } from '@platform/workloads';
import { App } from 'cdk8s';
import { manifestLocation, type ManifestFile } from '../manifest-file.js';
import type { KubeObject, ManifestObject } from '../validate/problem.js';
import { RenderError } from './render-error.js';
import { fileNameFor, serializeObject } from './serialize.js';

/** One rendered file: whose it is and where it goes, its bytes, and the object in it. */
export interface RenderedFile extends ManifestObject, ManifestFile {
  readonly app: string;
}

/** What one app renders in one environment. */
export interface AppRender {
  readonly app: string;
  readonly chart: AppChartClass;
  readonly environment: Environment;
  /** The image the environment runs, as the image catalog parsed it. */
  readonly image: ImageReference;
  /** Objects that come as they are (the app's SealedSecrets). @default none */
  readonly extras?: readonly KubeObject[];
  /**
   * The cluster with values of its own this renders for, into its own directory
   * (`manifests/<env>/_clusters/<cluster>/<app>/`); `environment` is then the cluster's
   * (`clusterEnvironment`). @default the environment's shared directory
   */
  readonly cluster?: string;
}

/**
 * Renders one app in one environment to `manifests/<env>/<app>/<kind>-<name>.yaml` (or in one
 * cluster's own directory, `manifests/<env>/_clusters/<cluster>/<app>/`). Each is
 * synthesized in a cdk8s App of its own: an App re-validates all of its charts on every
 * synthesis, so one App per chart keeps rendering linear in the number of apps.
 */
export function renderApp(input: AppRender): RenderedFile[] {
  const { app, environment, cluster } = input;
  const cdk8sApp = new App({ outdir: '/dev/null' });
  let objects: KubeObject[];
  try {
    const chart = new input.chart(cdk8sApp, {
      app,
      environment,
      // The catalog's parsed reference, as it is: nothing prints and parses it again.
      image: input.image,
      secrets: (input.extras ?? []).flatMap(secretOf),
    });
    objects = [...(chart.toJson() as KubeObject[]), ...(input.extras ?? [])];
  } catch (error) {
    // The construct library's errors name the prop and the value; say which app and environment.
    const where = cluster === undefined ? '' : ` cluster '${cluster}'`;
    (error as Error).message =
      `app '${app}' in '${environment.name}'${where}: ${(error as Error).message}`;
    throw error;
  }
  const seen = new Set<string>();
  return objects
    .map((object): RenderedFile => {
      const location = manifestLocation(environment.name, app, fileNameFor(object), cluster);
      if (seen.has(location.file))
        throw new RenderError(
          `${location.file}: two objects of app '${app}' share this kind and name`,
        );
      seen.add(location.file);
      return { ...location, app, object, content: serializeObject(app, object) };
    })
    .sort((a, b) => (a.file < b.file ? -1 : 1));
}

/** The Secret a SealedSecret becomes (its template's name, else its own) and the keys it holds. */
function secretOf(object: KubeObject): AppSecret[] {
  if (object.kind !== 'SealedSecret') return [];
  const spec = (object['spec'] ?? {}) as {
    encryptedData?: Record<string, unknown>;
    template?: { metadata?: { name?: string } };
  };
  return [
    {
      name: spec.template?.metadata?.name ?? String(object.metadata?.name),
      keys: Object.keys(spec.encryptedData ?? {}),
    },
  ];
}
