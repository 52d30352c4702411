import type { Cdk8sPlusLine } from './cdk8s-plus-line.js';
import {
  daysOfStandardSupportLeft,
  EKS_STANDARD_SUPPORT_END,
  EKS_WARNING_DAYS,
} from './eks-support.js';
import { compareVersions } from './kubernetes-version.js';
import type { Warning } from './warning.js';

export interface VersionWarningOptions {
  /** The day to count from. Injected by tests. */
  readonly today: Date;
  /** The cdk8s-plus line of the construct library. @default none: no cdk8s-plus warning */
  readonly cdk8sPlus?: Cdk8sPlusLine;
}

/**
 * Warnings about the environments' target Kubernetes versions (environment → version), one per
 * version: EKS standard support ends within EKS_WARNING_DAYS (or has ended), and the construct
 * library's cdk8s-plus line describes an older API than the target.
 */
export function versionWarnings(
  targets: ReadonlyMap<string, string>,
  options: VersionWarningOptions,
): Warning[] {
  const byVersion = new Map<string, string[]>();
  for (const [environment, version] of targets)
    byVersion.set(version, [...(byVersion.get(version) ?? []), environment]);
  const warnings: Warning[] = [];
  for (const [version, environments] of [...byVersion].sort(([a], [b]) => compareVersions(a, b))) {
    const subject = `Kubernetes ${version} (${environments.join(', ')})`;
    const left = daysOfStandardSupportLeft(version, options.today);
    if (left !== undefined && left <= EKS_WARNING_DAYS) {
      const end = EKS_STANDARD_SUPPORT_END[version] ?? '?';
      warnings.push({
        subject,
        message:
          left >= 0
            ? `EKS standard support ends on ${end}, in ${left} day${left === 1 ? '' : 's'}; then extended support costs extra per cluster hour`
            : `EKS standard support ended on ${end}; the clusters are in (paid) extended support`,
        fix: 'upgrade: raise infra-cluster:kubernetesVersion in infra/cluster/Pulumi.<env>.yaml one minor version at a time, staging first (npm run validate checks the APIs)',
      });
    }
    const line = options.cdk8sPlus;
    if (line && compareVersions(version, line.kubernetes) > 0) {
      warnings.push({
        subject,
        message:
          `the construct library uses ${line.name}, which describes the Kubernetes ${line.kubernetes} API: ` +
          `its typed constructs offer only fields of ${line.kubernetes}; a field added since needs an escape hatch ` +
          `(ApiObject.of(construct).addJsonPatch(JsonPatch.add(...)) from cdk8s)`,
        fix:
          `to use a newer line, change the dependency ${line.name} in libs/workloads/package.json to ` +
          `cdk8s-plus-<minor> (at most the target's minor) and its imports in libs/workloads/src (the only ` +
          `place that imports cdk8s-plus), then npm install, npm run synth and review the diff of manifests/`,
      });
    }
  }
  return warnings;
}
