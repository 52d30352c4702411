import type { ArgoCdReplicas, ArgoCdSettings } from './bootstrap-config.js';
import type { ConfigReader } from './config-reader.js';

const DURATION = /^[1-9]\d*(s|m|h)$/;
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
const MIN_WEBHOOK_SECRET_LENGTH = 20;
const MAX_REPLICAS = 10;

/** The Argo CD half of the config: availability, polling, access. */
export function parseArgoCdSettings(reader: ConfigReader): {
  readonly settings: ArgoCdSettings;
  readonly warnings: readonly string[];
} {
  const warnings: string[] = [];
  const highAvailability = reader.boolean('highAvailability');
  const replicas = parseReplicas(reader, highAvailability);

  const reconciliationTimeout = reader.text('reconciliationTimeout') ?? '';
  if (!DURATION.test(reconciliationTimeout)) {
    reader.problem(
      'reconciliationTimeout',
      `'${reconciliationTimeout}' is not a duration like 180s, 5m or 1h`,
    );
  }

  const webhook = reader.boolean('gitWebhook');
  const webhookSecret = reader.secret('githubWebhookSecret');
  if (webhook && !webhookSecret) {
    reader.problem(
      'githubWebhookSecret',
      'is missing: gitWebhook is true (pulumi config set --secret githubWebhookSecret "$(openssl rand -hex 20)"), or set gitWebhook to false',
    );
  } else if (webhookSecret && webhookSecret.reveal().length < MIN_WEBHOOK_SECRET_LENGTH) {
    reader.problem(
      'githubWebhookSecret',
      `is shorter than ${MIN_WEBHOOK_SECRET_LENGTH} characters (openssl rand -hex 20)`,
    );
  } else if (!webhook && webhookSecret) {
    reader.problem('githubWebhookSecret', 'is set but gitWebhook is false: remove one of them');
  }

  const host = reader.text('ingressHost');
  const className = reader.text('ingressClassName');
  if (
    host !== undefined &&
    (host.length > 253 || !host.split('.').every((label) => DNS_LABEL.test(label)))
  ) {
    reader.problem('ingressHost', `'${host}' is not a DNS name`);
  }
  if (className !== undefined && !DNS_LABEL.test(className)) {
    reader.problem('ingressClassName', `'${className}' is not an IngressClass name`);
  }
  if (className !== undefined && host === undefined) {
    reader.problem('ingressClassName', 'is set but ingressHost is not: the Ingress needs a host');
  }
  if (webhook && host === undefined) {
    warnings.push(
      'gitWebhook is true but ingressHost is unset: GitHub must reach <argocd>/api/webhook some other way, or pushes sync only on the poll',
    );
  }

  return {
    settings: {
      highAvailability,
      replicas,
      reconciliationTimeout,
      adminEnabled: reader.boolean('adminEnabled'),
      ...(webhook && webhookSecret ? { webhookSecret } : {}),
      ...(host !== undefined ? { ingress: { host, ...(className ? { className } : {}) } } : {}),
      ...parseSso(reader),
    },
    warnings,
  };
}

function parseReplicas(reader: ConfigReader, highAvailability: boolean): ArgoCdReplicas {
  const replicas = {
    controller: reader.integer('controllerReplicas', 1, MAX_REPLICAS),
    server: reader.integer('serverReplicas', 1, MAX_REPLICAS),
    repoServer: reader.integer('repoServerReplicas', 1, MAX_REPLICAS),
    applicationSet: reader.integer('applicationSetReplicas', 1, MAX_REPLICAS),
  };
  if (highAvailability) {
    const keys = {
      server: 'serverReplicas',
      repoServer: 'repoServerReplicas',
      applicationSet: 'applicationSetReplicas',
    } as const;
    for (const [component, key] of Object.entries(keys) as [
      keyof typeof keys,
      (typeof keys)[keyof typeof keys],
    ][]) {
      if (replicas[component] < 2) {
        reader.problem(
          key,
          `'${replicas[component]}' must be at least 2 when highAvailability is true`,
        );
      }
    }
  }
  return replicas;
}

function parseSso(reader: ConfigReader): Pick<ArgoCdSettings, 'sso'> {
  const issuer = reader.text('oidcIssuer');
  const adminGroups = reader.stringList('oidcAdminGroups');
  if (issuer === undefined) {
    for (const key of ['oidcClientId', 'oidcClientSecret'] as const) {
      if (reader.isSet(key)) reader.problem(key, 'is set but oidcIssuer is not');
    }
    if (adminGroups.length > 0) reader.problem('oidcAdminGroups', 'is set but oidcIssuer is not');
    return {};
  }
  if (!/^https:\/\/[^\s/]+(\/\S*)?$/.test(issuer)) {
    reader.problem('oidcIssuer', `'${issuer}' is not an https URL`);
  }
  const clientId = reader.required(
    'oidcClientId',
    'SSO needs the client id registered with the issuer',
  );
  const clientSecret = reader.secret('oidcClientSecret');
  if (!clientSecret) {
    reader.problem(
      'oidcClientSecret',
      'is missing: SSO needs the client secret (pulumi config set --secret oidcClientSecret)',
    );
  }
  return clientId && clientSecret ? { sso: { issuer, clientId, clientSecret, adminGroups } } : {};
}
