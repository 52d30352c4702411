import { PLATFORM_DIRECTORY } from '@platform/platform';
import { problemFor, type ManifestObject, type Problem } from './problem.js';

/**
 * An app directory (`manifests/<env>/<app>/`) holds the app's own namespace and objects in it,
 * nothing else: a Namespace of another name, or an object placed in another namespace, would
 * let the app's Application adopt, relabel or prune what is not the app's (`argocd`,
 * `sealed-secrets`, another app). The AppProject refuses the platform's names too; this catches
 * every other name before it merges. The platform layer's directory (`_platform/`) is not an
 * app's: it holds the platform's namespaces and objects in them and in Argo CD's, within what
 * its AppProject `platform` allows.
 */
export function checkNamespaceRules(manifest: ManifestObject): Problem[] {
  const { app } = manifest;
  if (app === undefined || app === PLATFORM_DIRECTORY) return [];
  const report = problemFor(manifest, 'workspace');
  const { kind, metadata } = manifest.object;
  if (kind === 'Namespace' && metadata?.name !== app) {
    return [
      report(
        `the Namespace '${String(metadata?.name)}' is not the app's own ('${app}')`,
        `an app renders only its own Namespace, named after the app: remove it or move it to apps/${String(metadata?.name)}/`,
      ),
    ];
  }
  if (kind !== 'Namespace' && metadata?.namespace !== undefined && metadata.namespace !== app) {
    return [
      report(
        `is in namespace '${String(metadata.namespace)}', not the app's own ('${app}')`,
        `place the object in namespace '${app}' (the chart's namespace)`,
      ),
    ];
  }
  return [];
}
