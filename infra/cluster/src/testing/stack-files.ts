import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { PROJECT } from '../config/config-error.js';

const projectDirectory = new URL('../../', import.meta.url);

/** A committed file of this project (Pulumi.yaml, Pulumi.<stack>.yaml), parsed. */
export function readProjectYaml(file: string): any {
  return parse(readFileSync(new URL(file, projectDirectory), 'utf8'));
}

/**
 * The values of the committed `Pulumi.<stack>.yaml` in this project's namespace, keys without
 * the `infra-cluster:` prefix, as YAML types them: what parseClusterConfig gets in tests.
 */
export function stackConfig(stack: string): Record<string, unknown> {
  const config =
    (readProjectYaml(`Pulumi.${stack}.yaml`) as { config?: Record<string, unknown> }).config ?? {};
  const prefix = `${PROJECT}:`;
  return Object.fromEntries(
    Object.entries(config)
      .filter(([key]) => key.startsWith(prefix))
      .map(([key, value]) => [key.slice(prefix.length), value]),
  );
}
