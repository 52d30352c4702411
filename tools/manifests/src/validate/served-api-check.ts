import { compareVersions } from './kubernetes-version.js';
import { problemFor, type ManifestObject, type Problem } from './problem.js';
import { CRD_GROUPS, SERVED_APIS, type ServedApi } from './served-apis.js';

/** The environment's target Kubernetes version, and where it was read. */
export interface TargetVersion {
  readonly version: string;
  /** The stack file and key that declare it, for messages. */
  readonly source: string;
}

const isServed = (api: ServedApi, version: string): boolean =>
  compareVersions(api.served, version) <= 0 &&
  (api.removed === undefined || compareVersions(version, api.removed) < 0);

/**
 * Refuses an object whose built-in API version the target Kubernetes version does not serve.
 * Kinds of CustomResourceDefinitions (CRD_GROUPS) are served by their controllers' CRDs, not by
 * Kubernetes: skipped.
 */
export function checkServedApi(manifest: ManifestObject, target: TargetVersion): Problem[] {
  const apiVersion = String(manifest.object.apiVersion);
  const kind = String(manifest.object.kind);
  const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
  if (CRD_GROUPS.includes(group)) return [];
  const problem = problemFor(manifest, 'version');
  const api = `${apiVersion} ${kind}`;
  const rows = SERVED_APIS.filter(
    (row) => row.apiVersion === apiVersion && row.kinds.includes(kind),
  );
  if (rows.length === 0) {
    return [
      problem(
        `API ${api} is not in the version table, so whether Kubernetes ${target.version} serves it is unknown`,
        'add its row (served, removed) from the deprecation guide to tools/manifests/src/validate/served-apis.ts',
      ),
    ];
  }
  const { version } = target;
  if (rows.some((row) => isServed(row, version))) return [];
  const row = rows[0] as ServedApi;
  const when =
    compareVersions(version, row.served) < 0
      ? `served from ${row.served}`
      : `removed in ${row.removed ?? '?'}`;
  const alternatives = SERVED_APIS.filter(
    (r) => r.kinds.includes(kind) && isServed(r, version),
  ).map((r) => r.apiVersion);
  const instead =
    alternatives.length > 0 ? `render ${kind} as ${alternatives.join(' or ')}, or ` : '';
  return [
    problem(
      `API ${api} is not served by Kubernetes ${version} (${when}), the target set by ${target.source}`,
      `${instead}change the target version in ${target.source}`,
    ),
  ];
}
