import type { ArgoCdSettings, Environment } from '@platform/environments';

/** An environment's Argo CD settings with every default applied. */
export interface ResolvedArgoCdSettings {
  readonly highAvailability: boolean;
  readonly replicas: {
    readonly controller: number;
    readonly server: number;
    readonly repoServer: number;
    readonly applicationSet: number;
  };
  readonly reconciliationTimeout: string;
  readonly adminEnabled: boolean;
  readonly gitWebhook: boolean;
  readonly ingress: ArgoCdSettings['ingress'];
  readonly sso: ArgoCdSettings['sso'];
}

/** Thrown for settings Argo CD could not run with; the message names the field and the value. */
export class ArgoCdSettingsError extends Error {
  override name = 'ArgoCdSettingsError';
}

const DURATION = /^[1-9][0-9]*(s|m|h)$/;

/** The defaults documented on `ArgoCdSettings`, applied once, and the settings checked. */
export function resolveArgoCdSettings(environment: Environment): ResolvedArgoCdSettings {
  const settings = environment.argocd ?? {};
  const fail = (field: string, value: unknown, why: string): never => {
    throw new ArgoCdSettingsError(
      `environment '${environment.name}': argocd.${field} ${JSON.stringify(value)} ${why}`,
    );
  };
  const highAvailability = settings.highAvailability ?? false;
  const replicas = {
    controller: settings.replicas?.controller ?? 1,
    server: settings.replicas?.server ?? 1,
    repoServer: settings.replicas?.repoServer ?? 1,
    applicationSet: settings.replicas?.applicationSet ?? 1,
  };
  for (const [component, count] of Object.entries(replicas)) {
    if (!Number.isInteger(count) || count < 1 || count > 10)
      fail(`replicas.${component}`, count, 'is not an integer from 1 to 10');
    // In HA every stateless component survives a node drain; the controller shards instead.
    if (highAvailability && component !== 'controller' && count < 2)
      fail(`replicas.${component}`, count, 'must be at least 2 when highAvailability is true');
  }
  const reconciliationTimeout = settings.reconciliationTimeout ?? '180s';
  if (!DURATION.test(reconciliationTimeout))
    fail('reconciliationTimeout', reconciliationTimeout, 'is not a duration like 180s or 5m');
  if (settings.sso && !settings.sso.issuer.startsWith('https://'))
    fail('sso.issuer', settings.sso.issuer, 'is not an https URL');
  return {
    highAvailability,
    replicas,
    reconciliationTimeout,
    adminEnabled: settings.adminEnabled ?? false,
    gitWebhook: settings.gitWebhook ?? true,
    ingress: settings.ingress,
    sso: settings.sso,
  };
}
