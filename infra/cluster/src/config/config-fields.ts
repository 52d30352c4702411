import { ConfigError, show } from './config-error.js';

type FieldType = 'string' | 'integer' | 'boolean' | 'array';
type FieldSpec =
  | { readonly type: 'string'; readonly default?: string; readonly optional?: true }
  | { readonly type: 'integer'; readonly default?: number }
  | { readonly type: 'boolean'; readonly default?: boolean }
  | { readonly type: 'array'; readonly default?: readonly string[] };

/**
 * Every key this program reads, its type and its default. Pulumi.yaml declares the same keys
 * with a description each (a test holds the two in step); a key without a default is required
 * (Pulumi refuses a stack that lacks it). An `optional` key defaults to '', read as unset.
 */
export const CONFIG_FIELDS = {
  accountId: { type: 'string' },
  region: { type: 'string' },
  platformName: { type: 'string', default: 'platform' },
  vpcCidr: { type: 'string', default: '10.0.0.0/16' },
  availabilityZones: { type: 'array' },
  natGateways: { type: 'string', default: 'per-zone' },
  kubernetesVersion: { type: 'string' },
  endpointPublicAccessCidrs: { type: 'array', default: [] },
  controlPlaneLogTypes: {
    type: 'array',
    default: ['api', 'audit', 'authenticator', 'controllerManager', 'scheduler'],
  },
  controlPlaneLogRetentionDays: { type: 'integer', default: 90 },
  clusterAdminPrincipalArns: { type: 'array', default: [] },
  clusterDeletionProtection: { type: 'boolean', default: false },
  nodeInstanceTypes: { type: 'array' },
  nodeMinSize: { type: 'integer' },
  nodeDesiredSize: { type: 'integer' },
  nodeMaxSize: { type: 'integer' },
  nodeAmiType: { type: 'string', default: 'AL2023_x86_64_STANDARD' },
  nodeDiskSizeGib: { type: 'integer', default: 50 },
  nodeImdsHopLimit: { type: 'integer', default: 1 },
  ecrKeepLastImages: { type: 'integer', default: 30 },
  ecrPullAccountIds: { type: 'array', default: [] },
  githubRepository: { type: 'string' },
  githubBranch: { type: 'string', default: 'main' },
  githubSubjectPrefix: { type: 'string', default: '', optional: true },
  githubDeployClusterAdmin: { type: 'boolean', default: true },
  githubPullRequests: { type: 'boolean', default: true },
  githubEnvironments: { type: 'array', default: [] },
  githubOidcProviderArn: { type: 'string', default: '', optional: true },
  pulumiStateBucket: { type: 'string', default: '', optional: true },
  pulumiSecretsKeyArn: { type: 'string', default: '', optional: true },
  pulumiBootstrapSecretsKeyArn: { type: 'string', default: '', optional: true },
} as const satisfies Record<string, FieldSpec>;

type Fields = typeof CONFIG_FIELDS;
type ValueOf<T extends FieldType> = T extends 'string'
  ? string
  : T extends 'integer'
    ? number
    : T extends 'boolean'
      ? boolean
      : readonly string[];

/** The stack's values, typed, with defaults applied; not yet checked beyond their types. */
export type ConfigValues = {
  readonly [K in keyof Fields]: Fields[K] extends { optional: true }
    ? ValueOf<Fields[K]['type']> | undefined
    : ValueOf<Fields[K]['type']>;
};

/**
 * Reads the raw values (keys without the `infra-cluster:` namespace) into typed values.
 * Accepts what YAML gives (numbers, booleans, lists) and what the Pulumi runtime gives
 * (strings, lists as JSON). Refuses unknown keys (a typo must not silently become a default),
 * missing required keys and values of the wrong type, naming the key.
 */
export function readConfigValues(raw: Readonly<Record<string, unknown>>): ConfigValues {
  for (const key of Object.keys(raw)) {
    if (!Object.hasOwn(CONFIG_FIELDS, key)) {
      throw new ConfigError(key, `unknown key (known: ${Object.keys(CONFIG_FIELDS).join(', ')})`);
    }
  }
  const values: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(CONFIG_FIELDS) as [string, FieldSpec][]) {
    const value = raw[key] ?? ('default' in spec ? spec.default : undefined);
    if (value === undefined) throw new ConfigError(key, 'is required and not set');
    values[key] = 'optional' in spec && value === '' ? undefined : coerce(key, spec.type, value);
  }
  return values as ConfigValues;
}

function coerce(key: string, type: FieldType, value: unknown): unknown {
  switch (type) {
    case 'string':
      if (typeof value === 'string') return value;
      break;
    case 'integer': {
      const number = typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
      if (typeof number === 'number' && Number.isInteger(number)) return number;
      break;
    }
    case 'boolean':
      if (typeof value === 'boolean') return value;
      if (value === 'true' || value === 'false') return value === 'true';
      break;
    case 'array': {
      const list = typeof value === 'string' ? parseJson(value) : value;
      if (Array.isArray(list) && list.every((item) => typeof item === 'string')) return list;
      break;
    }
  }
  throw new ConfigError(key, `${show(value)} is not ${EXPECTED[type]}`);
}

const EXPECTED: Record<FieldType, string> = {
  string: 'a string',
  integer: 'an integer',
  boolean: 'a boolean (true or false)',
  array: 'a list of strings',
};

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
