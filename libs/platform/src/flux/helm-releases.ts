import type { IHelmRelease } from '@kubernetes-models/flux-cd/helm.toolkit.fluxcd.io/v2/HelmRelease';
import type { IHelmRepository } from '@kubernetes-models/flux-cd/source.toolkit.fluxcd.io/v1/HelmRepository';
import type { IOCIRepository } from '@kubernetes-models/flux-cd/source.toolkit.fluxcd.io/v1/OCIRepository';
import type { PlatformAddon } from '../addons.js';
import type { PinnedChart } from '../charts.js';
import { FLUX_NAMESPACE } from './flux-layout.js';
import { fluxMetadata, KEEP_ON_REMOVAL } from './flux-metadata.js';

/** How often Flux checks a chart source and a release for drift. */
const SOURCE_INTERVAL = '1h';
const RELEASE_INTERVAL = '10m';

/**
 * The chart source of an add-on, named after it: an OCIRepository for an OCI chart (the pin's
 * tag), a HelmRepository for an HTTPS one (the HelmRelease then asks it for the pinned version).
 */
export function chartSource(addon: PlatformAddon): IHelmRepository | IOCIRepository {
  const { chart } = addon;
  if (chart.oci) {
    return {
      apiVersion: 'source.toolkit.fluxcd.io/v1',
      kind: 'OCIRepository',
      metadata: fluxMetadata(addon.name),
      spec: {
        interval: SOURCE_INTERVAL,
        url: `oci://${chart.repo}/${chart.chart}`,
        ref: { tag: chart.version },
        layerSelector: {
          mediaType: 'application/vnd.cncf.helm.chart.content.v1.tar+gzip',
          operation: 'copy',
        },
      },
    } satisfies IOCIRepository;
  }
  return {
    apiVersion: 'source.toolkit.fluxcd.io/v1',
    kind: 'HelmRepository',
    metadata: fluxMetadata(repositoryName(chart)),
    spec: { interval: SOURCE_INTERVAL, url: chart.repo },
  } satisfies IHelmRepository;
}

/** A HelmRepository is per repository (two charts of one repository share it). */
function repositoryName(chart: PinnedChart): string {
  return new URL(chart.repo).hostname.replace(/\./g, '-');
}

/**
 * An add-on as a HelmRelease: the same pin, release name, namespace and values as its Argo CD
 * Application. Installed and upgraded with its CRDs (unless another add-on owns them),
 * remediated by retries; the controllers wait for the CRD add-ons (`dependsOn`). An add-on
 * that must outlive its removal from git is never pruned.
 */
export function helmRelease(addon: PlatformAddon, dependsOn: readonly string[]): IHelmRelease {
  const crds = addon.skipCrds ? 'Skip' : 'CreateReplace';
  const source = chartSource(addon);
  const name = source.metadata?.name ?? addon.name;
  return {
    apiVersion: 'helm.toolkit.fluxcd.io/v2',
    kind: 'HelmRelease',
    metadata: fluxMetadata(addon.name, addon.keep ? KEEP_ON_REMOVAL : {}),
    spec: {
      interval: RELEASE_INTERVAL,
      releaseName: addon.releaseName,
      targetNamespace: addon.namespace,
      storageNamespace: addon.namespace,
      ...(addon.chart.oci
        ? { chartRef: { kind: 'OCIRepository', name, namespace: FLUX_NAMESPACE } }
        : {
            chart: {
              spec: {
                chart: addon.chart.chart,
                version: addon.chart.version,
                sourceRef: { kind: 'HelmRepository', name, namespace: FLUX_NAMESPACE },
              },
            },
          }),
      install: { crds, remediation: { retries: 3 } },
      upgrade: { crds, remediation: { retries: 3, remediateLastFailure: true } },
      ...(dependsOn.length > 0
        ? { dependsOn: dependsOn.map((dependency) => ({ name: dependency })) }
        : {}),
      values: addon.values as Record<string, unknown>,
    },
  } satisfies IHelmRelease;
}

/** Each add-on's source (once per repository) and release; the controllers after the CRDs. */
export function addonObjects(
  addons: readonly PlatformAddon[],
  crdAddons: readonly string[],
): (IHelmRelease | IHelmRepository | IOCIRepository)[] {
  const sources = new Map<string, IHelmRepository | IOCIRepository>();
  for (const addon of addons) {
    const source = chartSource(addon);
    sources.set(`${source.kind}/${source.metadata?.name}`, source);
  }
  return [
    ...sources.values(),
    ...addons.map((addon) => helmRelease(addon, addon.stage === 'crds' ? [] : crdAddons)),
  ];
}
