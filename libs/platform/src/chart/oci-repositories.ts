import { PLATFORM_CHARTS, type PinnedChart } from '../charts.js';
import { ARGOCD_NAMESPACE, SYNC_WAVES, waveMetadata } from './sync.js';

/** Argo CD reads a Secret with this label as a repository declaration. */
export const REPOSITORY_SECRET_LABEL = 'argocd.argoproj.io/secret-type';

/** The keys a repository declaration may hold: where and what, never a credential. */
export const REPOSITORY_DECLARATION_KEYS = ['enableOCI', 'name', 'type', 'url'] as const;

/**
 * One Secret per OCI registry of the pinned charts: Argo CD pulls a Helm chart from an OCI
 * registry only for a repository declared with `enableOCI`. They hold no credential (the
 * charts are public), so they can be in git; the validator refuses any other key.
 */
export function ociRepositorySecrets(
  environment: string,
  charts: readonly PinnedChart[] = Object.values(PLATFORM_CHARTS),
) {
  const registries = [...new Set(charts.filter((c) => c.oci).map((c) => c.repo))].sort();
  return registries.map((url) => {
    const name = `oci-${url.replace(/[^a-z0-9]+/g, '-')}`;
    const metadata = waveMetadata(name, environment, SYNC_WAVES.foundation, {
      namespace: ARGOCD_NAMESPACE,
    });
    return {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: {
        ...metadata,
        labels: { ...metadata.labels, [REPOSITORY_SECRET_LABEL]: 'repository' },
      },
      type: 'Opaque',
      stringData: { name, type: 'helm', url, enableOCI: 'true' },
    };
  });
}
