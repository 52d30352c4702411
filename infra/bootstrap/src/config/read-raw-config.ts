import * as pulumi from '@pulumi/pulumi';
import type { RawBootstrapConfig } from './config-reader.js';

/** `isConfigSecret` is exported by the runtime but marked internal in its typings. */
type RuntimeWithSecretKeys = typeof pulumi.runtime & { isConfigSecret?: (key: string) => boolean };

/**
 * Every config value of this project's namespace, as the Pulumi CLI passed it (defaults from
 * Pulumi.yaml applied, secrets decrypted), and which of them were set with `--secret`. Read once,
 * by index.ts; the parser does the rest.
 */
export function readRawConfig(project: string = pulumi.getProject()): RawBootstrapConfig {
  const runtime = pulumi.runtime as RuntimeWithSecretKeys;
  if (typeof runtime.isConfigSecret !== 'function') {
    throw new Error(
      '@pulumi/pulumi no longer exposes runtime.isConfigSecret: update read-raw-config.ts',
    );
  }
  const prefix = `${project}:`;
  const values: Record<string, string> = {};
  const secretKeys = new Set<string>();
  for (const [fullKey, value] of Object.entries(pulumi.runtime.allConfig())) {
    if (!fullKey.startsWith(prefix)) continue;
    const key = fullKey.slice(prefix.length);
    values[key] = value;
    if (runtime.isConfigSecret(fullKey)) secretKeys.add(key);
  }
  return { values, secretKeys };
}
