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
 * environment and app it belongs to; cross-object rules run per environment.
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
  for (const group of groupByEnvironment(manifests).values())
    problems.push(...checkReferences(group));
  return problems;
}

function groupByEnvironment(manifests: readonly ManifestObject[]): Map<string, ManifestObject[]> {
  const groups = new Map<string, ManifestObject[]>();
  for (const manifest of manifests) {
    const group = groups.get(manifest.environment) ?? [];
    group.push(manifest);
    groups.set(manifest.environment, group);
  }
  return groups;
}
