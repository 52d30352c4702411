import { PLATFORM_DIRECTORY } from '@platform/platform';
import { checkStrictFields } from './strict-fields.js';
import { checkRestrictedPodSecurity } from './pod-security.js';
import { checkNamespaceRules } from './namespace-rules.js';
import { checkReferences } from './reference-rules.js';
import { checkSchema } from './schema.js';
import { checkWorkloadRules } from './workload-rules.js';
import type { ManifestObject, Problem } from './problem.js';
import { kindKey, loadModels } from './kinds.js';

/** Loads the schemas of the kinds among `manifests`, before validateManifests meets them. */
export function loadSchemasOf(manifests: readonly ManifestObject[]): Promise<void> {
  return loadModels(manifests.map(({ object }) => kindKey(object.apiVersion, object.kind)));
}

/**
 * Validates rendered objects offline: the API schema, unknown fields, the Pod
 * Security "restricted" profile, and the workspace's own rules. Each object says which
 * environment, cluster and app it belongs to; cross-object rules run per environment, and
 * again for each cluster's own directory, against its apps and the environment's platform
 * layer (what that cluster runs): never against the shared copies of the same apps, which
 * would hide that the cluster's own lacks an object.
 */
export function validateManifests(manifests: readonly ManifestObject[]): Problem[] {
  const problems: Problem[] = [];
  for (const manifest of manifests) {
    problems.push(
      ...checkSchema(manifest),
      ...checkStrictFields(manifest),
      ...checkRestrictedPodSecurity(manifest),
      ...checkWorkloadRules(manifest),
      ...checkNamespaceRules(manifest),
    );
  }
  for (const { checked, context } of groupByCluster(manifests))
    problems.push(...checkReferences(checked, context));
  return problems;
}

/**
 * The objects each cluster sees, by environment and cluster: the shared directories and the
 * platform layer; and per cluster with its own directory, its apps, checked against the
 * platform layer as context (its objects are checked once, with the shared group).
 */
function groupByCluster(
  manifests: readonly ManifestObject[],
): { checked: ManifestObject[]; context: ManifestObject[] }[] {
  const groups = new Map<string, ManifestObject[]>();
  for (const manifest of manifests) {
    const key = `${manifest.environment}/${manifest.cluster ?? ''}`;
    const group = groups.get(key) ?? [];
    group.push(manifest);
    groups.set(key, group);
  }
  return [...groups].map(([key, checked]) => {
    const [environment, cluster] = key.split('/');
    const context = cluster
      ? (groups.get(`${environment}/`) ?? []).filter((m) => m.app === PLATFORM_DIRECTORY)
      : [];
    return { checked, context };
  });
}
