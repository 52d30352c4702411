import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Problem } from './problem.js';
import { KNOWN_VERSIONS } from './served-apis.js';
import type { TargetVersion } from './served-api-check.js';

/** The key of infra/cluster's stack files that sets the EKS cluster's Kubernetes version. */
export const KUBERNETES_VERSION_KEY = 'infra-cluster:kubernetesVersion';

/** The file of an infra/cluster stack (an environment's, or one of its clusters'), relative to the workspace root. */
export const clusterStackFile = (stack: string): string => `infra/cluster/Pulumi.${stack}.yaml`;

/** The infra/cluster stacks of an environment: `[<env>]` unless it lists its clusters. */
export type StacksOf = (environment: string) => readonly string[];

/**
 * The target Kubernetes version of each environment: the one its cluster stack declares
 * (`infra-cluster:kubernetesVersion` in infra/cluster/Pulumi.<stack>.yaml); for an environment
 * that lists its clusters, the oldest of its clusters' stacks (`targets`) and the newest
 * (`newest`), since its objects must be served by every cluster that syncs them: an API not yet
 * served in the oldest, or already removed in the newest, is refused. Read only. A missing file or key, or a version the table
 * does not know, is a problem naming the file and the key.
 */
export async function readTargetVersions(
  root: string,
  environments: readonly string[],
  stacksOf: StacksOf = (environment) => [environment],
): Promise<{
  targets: Map<string, TargetVersion>;
  newest: Map<string, TargetVersion>;
  problems: Problem[];
}> {
  const targets = new Map<string, TargetVersion>();
  const newest = new Map<string, TargetVersion>();
  const problems: Problem[] = [];
  for (const environment of environments) {
    for (const stack of stacksOf(environment)) {
      const read = await readStackVersion(root, environment, stack);
      if ('problem' in read) {
        problems.push(read.problem);
        continue;
      }
      const oldest = targets.get(environment);
      if (!oldest || versionIndex(read.target.version) < versionIndex(oldest.version))
        targets.set(environment, read.target);
      const latest = newest.get(environment);
      if (!latest || versionIndex(read.target.version) > versionIndex(latest.version))
        newest.set(environment, read.target);
    }
  }
  return { targets, newest, problems };
}

const versionIndex = (version: string) => KNOWN_VERSIONS.indexOf(version);

/** One stack file's target version, or the problem with it. */
async function readStackVersion(
  root: string,
  environment: string,
  stack: string,
): Promise<{ target: TargetVersion } | { problem: Problem }> {
  const file = clusterStackFile(stack);
  const problem = (message: string, fix: string) => ({
    problem: { file, object: '(file)', check: 'version', message, fix } satisfies Problem,
  });
  const text = await readFile(join(root, file), 'utf8').catch(() => undefined);
  if (text === undefined) {
    return problem(
      `does not exist, but environment '${environment}' renders: its target Kubernetes version is '${KUBERNETES_VERSION_KEY}' there`,
      `create ${file} with '${KUBERNETES_VERSION_KEY}' (see infra/cluster/Pulumi.yaml)`,
    );
  }
  let config: Readonly<Record<string, unknown>>;
  try {
    config = configOf(text);
  } catch (error) {
    return problem(`is not valid YAML: ${(error as Error).message}`, `correct ${file}`);
  }
  const value = config[KUBERNETES_VERSION_KEY];
  if (value === undefined) {
    return problem(
      `has no '${KUBERNETES_VERSION_KEY}': environment '${environment}' renders, and this key is its target Kubernetes version`,
      `add '${KUBERNETES_VERSION_KEY}' under config: in ${file}`,
    );
  }
  const version = String(value);
  if (typeof value !== 'string' || !KNOWN_VERSIONS.includes(version)) {
    return problem(
      `'${KUBERNETES_VERSION_KEY}' is ${JSON.stringify(value)}, not a Kubernetes version the version table knows (${KNOWN_VERSIONS[0]}–${KNOWN_VERSIONS.at(-1)})`,
      typeof value === 'string'
        ? `use a known version, or date the new one in tools/manifests/src/validate/served-apis.ts and eks-support.ts`
        : `quote the version ('1.35'): unquoted, YAML reads it as a number`,
    );
  }
  return { target: { version, source: `${KUBERNETES_VERSION_KEY} in ${file}` } };
}

/** The `config:` map of a stack file; anything else reads as empty. */
function configOf(text: string): Readonly<Record<string, unknown>> {
  const document = parse(text) as { config?: unknown } | null;
  const config = document?.config;
  return typeof config === 'object' && config !== null ? (config as Record<string, unknown>) : {};
}
