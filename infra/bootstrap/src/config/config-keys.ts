/**
 * Every config key this program reads, with its type and default. Pulumi.yaml declares the same
 * keys (with their documentation); `pulumi-yaml.spec.ts` proves the two agree, so a default is
 * written once here and once there, never silently differently.
 *
 * Keys with no default are required: the Pulumi CLI refuses a stack that lacks one. Optional
 * secrets are not declared `secret: true` in Pulumi.yaml (the CLI rejects a secret with a
 * plaintext default); the parser refuses them unless they were set with `--secret`.
 */

/** The Pulumi project name, and so the config namespace (`infra-bootstrap:<key>`). */
export const PROJECT = 'infra-bootstrap';

export type ConfigKeyType = 'string' | 'boolean' | 'integer' | 'array';

export interface ConfigKeySpec {
  readonly type: ConfigKeyType;
  /** Absent: the key is required. */
  readonly default?: string | boolean | number | readonly string[];
  /** Must be set with `pulumi config set --secret`. @default false */
  readonly secret?: boolean;
}

export const CONFIG_KEYS = {
  environment: { type: 'string' },
  clusterStack: { type: 'string', default: '' },
  kubeContext: { type: 'string', default: '' },
  repoUrl: { type: 'string' },
  repoRevision: { type: 'string', default: 'main' },
  repoAccess: { type: 'string' },
  repoSshPrivateKey: { type: 'string', default: '', secret: true },
  githubAppId: { type: 'string', default: '' },
  githubAppInstallationId: { type: 'string', default: '' },
  githubAppPrivateKey: { type: 'string', default: '', secret: true },
  gitWebhook: { type: 'boolean', default: true },
  githubWebhookSecret: { type: 'string', default: '', secret: true },
  reconciliationTimeout: { type: 'string', default: '180s' },
  highAvailability: { type: 'boolean', default: false },
  controllerReplicas: { type: 'integer', default: 1 },
  serverReplicas: { type: 'integer', default: 1 },
  repoServerReplicas: { type: 'integer', default: 1 },
  applicationSetReplicas: { type: 'integer', default: 1 },
  adminEnabled: { type: 'boolean', default: false },
  ingressHost: { type: 'string', default: '' },
  ingressClassName: { type: 'string', default: '' },
  oidcIssuer: { type: 'string', default: '' },
  oidcClientId: { type: 'string', default: '' },
  oidcClientSecret: { type: 'string', default: '', secret: true },
  oidcAdminGroups: { type: 'array', default: [] },
} as const satisfies Record<string, ConfigKeySpec>;

export type ConfigKey = keyof typeof CONFIG_KEYS;

export function isConfigKey(key: string): key is ConfigKey {
  return Object.hasOwn(CONFIG_KEYS, key);
}

/** `infra-bootstrap:<key>`, as `pulumi config` and error messages spell it. */
export function qualified(key: ConfigKey): string {
  return `${PROJECT}:${key}`;
}
