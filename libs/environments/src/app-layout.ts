/** Where the apps live, relative to the workspace root: one folder each. */
export const APPS_DIRECTORY = 'apps';

/**
 * The files of one app, relative to the workspace root. The app's folder holds everything
 * about it: the service (`apps/<app>/`) and its deployment (`apps/<app>/deploy/`: the chart,
 * the image each environment runs, its sealed secrets). Nothing else in the workspace lists it.
 */
export function appLayout(app: string) {
  const folder = `${APPS_DIRECTORY}/${app}`;
  const deploy = `${folder}/deploy`;
  return {
    folder,
    /** The service's Dockerfile; an app without one deploys an image built elsewhere. */
    dockerfile: `${folder}/Dockerfile`,
    deploy,
    /** The cdk8s chart (TypeScript): its default export is the app's `AppChart`. */
    chart: `${deploy}/src/chart.ts`,
    /** The image the app runs in one environment; written only by `npm run release`. */
    imageFile: (environment: string) => `${deploy}/images/${environment}.yaml`,
    /** The SealedSecrets of one environment, sealed with kubeseal for its cluster. */
    sealedSecrets: (environment: string) => `${deploy}/sealed-secrets/${environment}`,
  } as const;
}
