import { workloadsCdk8sPlusLine, type Cdk8sPlusLine } from './cdk8s-plus-line.js';
import { readTargetVersions, type StacksOf } from './cluster-stack.js';
import type { ManifestObject, Problem } from './problem.js';
import { checkServedApi } from './served-api-check.js';
import { versionWarnings } from './version-warnings.js';
import type { Warning } from './warning.js';

export interface VersionGuardOptions {
  /** The day the EKS support warning counts from. @default now */
  readonly today?: Date;
  /** The construct library's cdk8s-plus line. @default the one of libs/workloads/package.json */
  readonly cdk8sPlus?: Cdk8sPlusLine;
  /** The infra/cluster stacks of each environment. @default the stack named after it */
  readonly stacksOf?: StacksOf;
}

/**
 * The version guard: each environment that renders targets the Kubernetes version its cluster
 * stack declares (infra/cluster/Pulumi.<env>.yaml; when it lists its clusters, every version
 * from the oldest of their stacks to the newest); objects whose built-in API one of them does
 * not serve are problems; support and cdk8s-plus warnings are printed, never fatal.
 */
export async function checkVersionGuard(
  root: string,
  manifests: readonly ManifestObject[],
  options: VersionGuardOptions = {},
): Promise<{ problems: Problem[]; warnings: Warning[] }> {
  const environments = [...new Set(manifests.map((m) => m.environment))].sort();
  const { targets, newest, problems } = await readTargetVersions(
    root,
    environments,
    options.stacksOf,
  );
  for (const manifest of manifests) {
    const target = targets.get(manifest.environment);
    if (target) problems.push(...checkServedApi(manifest, target));
    // An environment of many clusters: what the newest removed is refused as well.
    const latest = newest.get(manifest.environment);
    if (latest && target && latest.version !== target.version) {
      problems.push(...checkServedApi(manifest, latest));
    }
  }
  const cdk8sPlus = options.cdk8sPlus ?? workloadsCdk8sPlusLine();
  const warnings = versionWarnings(
    new Map([...targets].map(([environment, target]) => [environment, target.version])),
    { today: options.today ?? new Date(), ...(cdk8sPlus ? { cdk8sPlus } : {}) },
  );
  return { problems, warnings };
}
