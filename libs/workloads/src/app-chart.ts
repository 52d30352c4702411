import type { Environment } from '@platform/environments';
import { imageReferenceOf, type ImageReference } from '@platform/image-ref';
import { Chart } from 'cdk8s';
import type { Construct } from 'constructs';

/** What the renderer gives an app's chart for one environment. */
export interface AppChartProps {
  /** The app's name: its folder under `apps/`, its directory under `manifests/<env>/`, its namespace. */
  readonly app: string;
  /** The environment being rendered: its sizing, log level and callers are the workloads' defaults. */
  readonly environment: Environment;
  /**
   * The image this environment runs (`apps/<app>/deploy/images/<env>.yaml`), never `latest`:
   * the render passes the catalog's parsed reference; a test may write it as text.
   */
  readonly image: ImageReference | string;
  /**
   * The app's SealedSecrets in this environment (`apps/<app>/deploy/sealed-secrets/<env>/`):
   * what its workloads may read. @default none
   */
  readonly secrets?: readonly AppSecret[];
}

/** A Secret the app has in an environment (a SealedSecret's name and keys). */
export interface AppSecret {
  readonly name: string;
  readonly keys: readonly string[];
}

/** An app's chart class, as `apps/<app>/deploy/src/chart.ts` exports it by default. */
export type AppChartClass = new (scope: Construct, props: AppChartProps) => AppChart;

/**
 * The base of every app's chart: one per app and environment, rendered to
 * `manifests/<env>/<app>/`. Names are never hashed (every object has an explicit
 * `metadata.name`), so the rendered names are the names in the cluster. The constructs
 * inside take the environment's defaults from here: a chart says only what is its own.
 */
export class AppChart extends Chart {
  readonly app: string;
  readonly environment: Environment;
  /** The image, parsed once: pass it on as a workload's `image`. */
  readonly image: ImageReference;
  readonly secrets: readonly AppSecret[];

  /** The AppChart that `construct` belongs to, if any. */
  static enclosing(construct: Construct): AppChart | undefined {
    const chart = Chart.of(construct);
    // Not `instanceof`: cdk8s makes `instanceof` of any Chart subclass true for every chart.
    return Object.prototype.isPrototypeOf.call(AppChart.prototype, chart)
      ? (chart as AppChart)
      : undefined;
  }

  constructor(scope: Construct, props: AppChartProps) {
    super(scope, props.app, { disableResourceNameHashes: true });
    this.app = props.app;
    this.environment = props.environment;
    this.image = imageReferenceOf(props.image);
    this.secrets = props.secrets ?? [];
  }
}
