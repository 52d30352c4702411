import type { ArgoCdSecrets, SecretValue } from '../config/bootstrap-config.js';

/** The Secret every Argo CD component reads its secrets from; the chart does not create it. */
export const ARGOCD_SECRET_NAME = 'argocd-secret';

/** The chart's own labels for it: Argo CD resolves `$<key>` references only in its Secrets. */
export const ARGOCD_SECRET_LABELS = {
  'app.kubernetes.io/name': ARGOCD_SECRET_NAME,
  'app.kubernetes.io/part-of': 'argocd',
} as const;

/**
 * The keys of argocd-secret this program owns: the GitHub webhook's secret and the SSO
 * client's (argocd-cm's `oidc.config` names it as `$oidc.clientSecret`). Each only when the
 * stack has it. `server.secretkey`, which Argo CD generates on its first start, is not here.
 */
export function argoCdSecretData<S>(
  secrets: ArgoCdSecrets,
  secret: (value: SecretValue) => S,
): Readonly<Record<string, S>> {
  return {
    ...(secrets.webhookSecret ? { 'webhook.github.secret': secret(secrets.webhookSecret) } : {}),
    ...(secrets.oidcClientSecret ? { 'oidc.clientSecret': secret(secrets.oidcClientSecret) } : {}),
  };
}
