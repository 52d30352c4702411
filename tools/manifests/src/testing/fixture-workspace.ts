import { Catalog, appLayout, type Environment } from '@platform/environments';
import { testEnvironments } from '@platform/environments/testing';
import { ImageStore } from '@platform/image-catalog';
import { parseImageReference } from '@platform/image-ref';
import { AppChart, WebService, type AppChartClass, type AppChartProps } from '@platform/workloads';
import type { Construct } from 'constructs';
import type { Workspace } from '../workspace.js';

/** The chart most apps start from: one WebService named after the app. */
export class FixtureWebChart extends AppChart {
  constructor(scope: Construct, props: AppChartProps) {
    super(scope, props);
    new WebService(this, 'web', { name: this.app, image: this.image });
  }
}

/**
 * A workspace of fixtures at `root` (a temporary directory): the test environments and the
 * given apps with their chart classes, independent of the apps and environments a team keeps
 * in this repository. Image files, sealed secrets and `manifests/` are real files under `root`.
 */
export function fixtureWorkspace(
  root: string,
  apps: Readonly<Record<string, AppChartClass>> = { orders: FixtureWebChart },
  environments: readonly Environment[] = testEnvironments,
): Workspace {
  const catalog = new Catalog(environments, Object.keys(apps).sort());
  return {
    root,
    catalog,
    loadChart: (app) => {
      catalog.app(app);
      return Promise.resolve(apps[app] as AppChartClass);
    },
  };
}

/** Gives an app an image in an environment, as `release bump` would (the file only). */
export async function writeImage(
  root: string,
  environment: string,
  app: string,
  reference: string,
): Promise<string> {
  await new ImageStore(root).write(environment, app, parseImageReference(reference));
  return appLayout(app).imageFile(environment);
}
