import { type Environment } from '@platform/environments';
import { ArgoCdSettingsError, resolveArgoCdSettings } from '@platform/platform';
import type { Problem } from './bootstrap-checks.js';
import type { BootstrapFields } from './bootstrap-fields.js';

const MIN_WEBHOOK_SECRET_LENGTH = 20;
const SETTINGS = 'libs/environments/src/environments.ts';

/**
 * The secrets of argocd-secret against the environment's Argo CD settings (environment data,
 * since git owns Argo CD): the webhook secret exactly when `argocd.gitWebhook` is on, the OIDC
 * client secret exactly when `argocd.sso` is set. Settings Argo CD could not run with are
 * reported on `environment`. A secret's value is never part of a message.
 */
export function argoCdSecretChecks(
  v: BootstrapFields,
  environment: Environment,
  problem: Problem,
): void {
  let gitWebhook: boolean;
  try {
    gitWebhook = resolveArgoCdSettings(environment).gitWebhook;
  } catch (error) {
    if (!(error instanceof ArgoCdSettingsError)) throw error;
    problem('environment', `${error.message} (${SETTINGS})`);
    return;
  }
  const name = `environment '${environment.name}'`;
  const webhook = v.githubWebhookSecret;
  if (gitWebhook && webhook === '') {
    problem(
      'githubWebhookSecret',
      `is missing: ${name} has argocd.gitWebhook on (pulumi config set --secret githubWebhookSecret "$(openssl rand -hex 20)"), or turn it off in ${SETTINGS}`,
    );
  } else if (webhook !== '' && webhook.length < MIN_WEBHOOK_SECRET_LENGTH) {
    problem(
      'githubWebhookSecret',
      `is shorter than ${MIN_WEBHOOK_SECRET_LENGTH} characters (openssl rand -hex 20)`,
    );
  } else if (!gitWebhook && webhook !== '') {
    problem(
      'githubWebhookSecret',
      `is set but ${name} has argocd.gitWebhook off: remove it (pulumi config rm githubWebhookSecret)`,
    );
  }
  const sso = environment.argocd?.sso;
  if (sso && v.oidcClientSecret === '') {
    problem(
      'oidcClientSecret',
      `is missing: ${name} signs in through ${sso.issuer} (pulumi config set --secret oidcClientSecret)`,
    );
  } else if (!sso && v.oidcClientSecret !== '') {
    problem(
      'oidcClientSecret',
      `is set but ${name} has no argocd.sso: remove it (pulumi config rm oidcClientSecret)`,
    );
  }
}
