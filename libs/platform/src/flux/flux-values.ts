import { resourcesOf } from '../argocd/component-resources.js';

/**
 * The flux2 chart's values (FLUX_CHART), what infra/bootstrap installs: the four controllers
 * the platform uses with explicit requests and limits, the image automation controllers off
 * (images move through `release`, which commits to git, never from the cluster), the chart's
 * CRDs and its NetworkPolicies on (their defaults, written so a chart bump cannot drop them).
 */
export function fluxValues() {
  return {
    installCRDs: true,
    policies: { create: true },
    sourceController: { create: true, resources: resourcesOf('fluxSourceController') },
    kustomizeController: { create: true, resources: resourcesOf('fluxKustomizeController') },
    helmController: { create: true, resources: resourcesOf('fluxHelmController') },
    notificationController: {
      create: true,
      resources: resourcesOf('fluxNotificationController'),
    },
    imageAutomationController: { create: false },
    imageReflectionController: { create: false },
  };
}
