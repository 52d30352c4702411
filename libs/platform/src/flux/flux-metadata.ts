import { FLUX_NAMESPACE } from './flux-layout.js';

/** Removing the object from git never deletes it (kustomize-controller's prune skips it). */
export const KEEP_ON_REMOVAL = { 'kustomize.toolkit.fluxcd.io/prune': 'disabled' } as const;

/** Metadata of a Flux object: in flux-system, labelled as the platform layer's. */
export function fluxMetadata(name: string, annotations: Readonly<Record<string, string>> = {}) {
  return {
    name,
    namespace: FLUX_NAMESPACE,
    labels: { 'app.kubernetes.io/part-of': 'platform' },
    ...(Object.keys(annotations).length > 0 ? { annotations: { ...annotations } } : {}),
  };
}
