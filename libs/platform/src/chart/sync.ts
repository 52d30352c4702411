/**
 * The order Argo CD applies the platform layer in, as sync waves: a wave starts when the one
 * before it is synced and healthy (for the add-on Applications, healthy as their own health
 * says: the Lua check in argoCdValues' argocd-cm). CRDs come before the controllers that serve
 * them, controllers before the objects they reconcile; the apps with the controllers.
 */
export const SYNC_WAVES = {
  /** Namespaces, AppProjects, the OCI repository declarations: what everything else needs. */
  foundation: -30,
  /** Argo CD itself, first of the Applications. */
  argocd: -20,
  /** The Gateway API and Envoy Gateway CRDs. */
  crds: -15,
  /** envoy-gateway, cert-manager (with its CRDs), sealed-secrets, external-dns. */
  controllers: -10,
  /**
   * The apps' ApplicationSet, beside the controllers: their routes need only the Gateway API
   * CRDs (a wave earlier). Not after the Gateway, whose wave waits on the first certificate
   * (minutes of ACME DNS-01), which must never hold back a deploy; a route attaches when its
   * Gateway appears.
   */
  apps: -10,
  /** GatewayClass and its EnvoyProxy, ClusterIssuer, Certificate: served by the controllers. */
  configuration: -5,
  /** The Gateway: its certificate Secret is being issued. */
  gateway: -3,
} as const;

/** The sync option of a custom resource whose CRD the same sync may still be creating. */
export const SKIP_DRY_RUN = ['SkipDryRunOnMissingResource=true'] as const;

export const SYNC_WAVE_ANNOTATION = 'argocd.argoproj.io/sync-wave';
export const SYNC_OPTIONS_ANNOTATION = 'argocd.argoproj.io/sync-options';

/** The cluster Argo CD runs in, as Argo CD names it. */
export const IN_CLUSTER = 'https://kubernetes.default.svc';

/** Where Argo CD, its Applications, AppProjects and repository Secrets live (infra/bootstrap creates it). */
export const ARGOCD_NAMESPACE = 'argocd';

/** Labels on every object of the platform layer. */
export function platformLabels(environment: string): Record<string, string> {
  return { 'app.kubernetes.io/part-of': 'platform', environment };
}

/**
 * Metadata of an object in a wave. `skipDryRun`: for a custom resource whose CRD is created in
 * the same sync (Argo CD would otherwise fail the dry run on the unknown kind).
 */
export function waveMetadata(
  name: string,
  environment: string,
  wave: number,
  options: { readonly namespace?: string; readonly syncOptions?: readonly string[] } = {},
) {
  const syncOptions = options.syncOptions ?? [];
  return {
    name,
    ...(options.namespace === undefined ? {} : { namespace: options.namespace }),
    labels: platformLabels(environment),
    annotations: {
      [SYNC_WAVE_ANNOTATION]: String(wave),
      ...(syncOptions.length > 0 ? { [SYNC_OPTIONS_ANNOTATION]: syncOptions.join(',') } : {}),
    },
  };
}
