import * as pulumi from '@pulumi/pulumi';
import { PROJECT } from './config-error.js';

/**
 * The stack's values in this project's namespace, keys without the `infra-cluster:` prefix,
 * as the Pulumi runtime hands them over (strings; lists and objects as JSON).
 */
export function readPulumiConfig(): Record<string, string> {
  const prefix = `${PROJECT}:`;
  return Object.fromEntries(
    Object.entries(pulumi.runtime.allConfig())
      .filter(([key]) => key.startsWith(prefix))
      .map(([key, value]) => [key.slice(prefix.length), value]),
  );
}
