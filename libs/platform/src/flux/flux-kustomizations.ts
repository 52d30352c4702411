import type { IKustomization } from '@kubernetes-models/flux-cd/kustomize.toolkit.fluxcd.io/v1/Kustomization';
import { FLUX_GIT_REPOSITORY, FLUX_NAMESPACE } from './flux-layout.js';
import { fluxMetadata } from './flux-metadata.js';

export interface FluxKustomizationInput {
  readonly name: string;
  /** The directory it builds, relative to the repository root (`manifests/…`). */
  readonly path: string;
  /** Kustomizations that must be Ready first. @default none */
  readonly dependsOn?: readonly string[];
  /** How long one apply may take to become healthy before it counts as failed. */
  readonly timeout: string;
}

/**
 * A Kustomization of this repository's GitRepository: pruned (what leaves git leaves the
 * cluster), waited on (Ready only once every object it applied is healthy, by kstatus: the
 * Deployments rolled out, the HelmReleases installed), retried every minute after a failure,
 * re-checked for drift every ten.
 */
export function fluxKustomization(input: FluxKustomizationInput): IKustomization {
  return {
    apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
    kind: 'Kustomization',
    metadata: fluxMetadata(input.name),
    spec: {
      interval: '10m',
      retryInterval: '1m',
      timeout: input.timeout,
      path: `./${input.path}`,
      prune: true,
      wait: true,
      sourceRef: { kind: 'GitRepository', name: FLUX_GIT_REPOSITORY, namespace: FLUX_NAMESPACE },
      ...(input.dependsOn && input.dependsOn.length > 0
        ? { dependsOn: input.dependsOn.map((name) => ({ name })) }
        : {}),
    },
  } satisfies IKustomization;
}
