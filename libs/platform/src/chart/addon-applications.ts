import type { Environment } from '@platform/environments';
import { awsAddons, commonAddons, type PlatformAddon } from '../addons.js';
import { argoCdValues } from '../argocd/argocd-values.js';
import { ARGO_CD_CHART } from '../charts.js';
import { helmApplication } from './helm-application.js';
import { ARGOCD_NAMESPACE, SYNC_WAVES } from './sync.js';

/** Removing it from git, or deleting the root Application, must never uninstall it. */
const KEEP = ['Prune=false', 'Delete=false'] as const;

function addonApplication(environment: Environment, addon: PlatformAddon) {
  return helmApplication({
    name: addon.name,
    environment: environment.name,
    chart: addon.chart,
    releaseName: addon.releaseName,
    namespace: addon.namespace,
    wave: addon.stage === 'crds' ? SYNC_WAVES.crds : SYNC_WAVES.controllers,
    values: addon.values,
    ...(addon.skipCrds ? { skipCrds: true } : {}),
    ...(addon.keep ? { objectSyncOptions: KEEP } : {}),
  });
}

/**
 * The Applications every cluster runs. Argo CD manages itself: the same chart, release name
 * and values infra/bootstrap installed it with, so the first sync changes nothing.
 */
export function commonAddonApplications(environment: Environment) {
  return [
    argoCdApplication(environment),
    ...commonAddons().map((addon) => addonApplication(environment, addon)),
  ];
}

/** Argo CD's own Application, in the cluster it runs in (a hub's, or the single cluster). */
export function argoCdApplication(environment: Environment) {
  return helmApplication({
    name: 'argocd',
    environment: environment.name,
    chart: ARGO_CD_CHART,
    releaseName: 'argocd',
    namespace: ARGOCD_NAMESPACE,
    wave: SYNC_WAVES.argocd,
    values: argoCdValues(environment),
    objectSyncOptions: KEEP,
  });
}

/** The Applications only a cluster on AWS runs (they call Route 53 through Pod Identity). */
export function awsAddonApplications(environment: Environment) {
  return awsAddons(environment).map((addon) => addonApplication(environment, addon));
}
