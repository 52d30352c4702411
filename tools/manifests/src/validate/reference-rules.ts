import { BOOTSTRAP_NAMESPACES, FLUX_NAMESPACE, PLATFORM_DIRECTORY } from '@platform/platform';
import { EnvironmentObjects, namespaceOf } from './environment-objects.js';
import { KINDS, kindKey } from './kinds.js';
import { checkKindReferences } from './kind-references.js';
import { podReferences } from './pod-references.js';
import { podTemplateOf } from './pod-template.js';
import { problemFor, type ManifestObject, type Problem } from './problem.js';

const RESTRICTED_LABEL = 'pod-security.kubernetes.io/enforce';

/**
 * Namespaces infra/bootstrap creates (Argo CD's or Flux's, and Sealed Secrets'), which only the
 * platform layer's objects may use unrendered.
 */
const BOOTSTRAPPED = new Set<string>([...BOOTSTRAP_NAMESPACES, FLUX_NAMESPACE]);

/**
 * Rules between objects of one environment: every namespaced object lives in a namespace of
 * its app that is rendered and enforces "restricted" (the platform layer's may also live in
 * the namespaces infra/bootstrap creates), every ConfigMap and Secret a pod reads is rendered
 * beside it, and every reference of its kind points at an object that exists. `context`: objects
 * the checked ones may point at, not checked themselves (a cluster's own apps see the
 * environment's platform layer).
 */
export function checkReferences(
  manifests: readonly ManifestObject[],
  context: readonly ManifestObject[] = [],
): Problem[] {
  const objects = new EnvironmentObjects([...manifests, ...context]);
  const problems: Problem[] = [];
  for (const manifest of manifests) {
    const object = manifest.object;
    const fail = problemFor(manifest, 'workspace');
    const report = (message: string, fix: string) => problems.push(fail(message, fix));
    const namespace = namespaceOf(object);

    if (object.kind === 'Namespace') {
      if (object.metadata?.labels?.[RESTRICTED_LABEL] !== 'restricted') {
        report(
          `namespace does not enforce Pod Security "restricted"`,
          `label it ${RESTRICTED_LABEL}: restricted`,
        );
      }
      continue;
    }
    const platform = manifest.app === PLATFORM_DIRECTORY;
    const key = kindKey(object.apiVersion, object.kind);
    if (KINDS[key]?.namespaced === false) {
      if (namespace)
        report(`is cluster-scoped but has namespace '${namespace}'`, 'remove metadata.namespace');
      // Cluster-wide RBAC is the platform's (its reviewed layer), never an app's: an app's
      // ClusterRole could reach every namespace.
      if (!platform && String(object.apiVersion).startsWith('rbac.authorization.k8s.io/'))
        report(
          `is cluster-wide RBAC in the '${String(manifest.app)}' app directory`,
          'give the app a Role and RoleBinding in its namespace; cluster-wide access belongs to libs/platform',
        );
      continue;
    }
    if (!namespace) {
      report(
        'has no metadata.namespace',
        'set the namespace explicitly; never rely on the default namespace',
      );
    } else if (!objects.namespaces.has(namespace) && !(platform && BOOTSTRAPPED.has(namespace))) {
      report(
        `namespace '${namespace}' is not rendered in this environment`,
        'render the Namespace with the app, so its Pod Security labels are in git',
      );
    }
    const { app } = manifest;
    if (namespace && app !== undefined && !platform && namespace !== app) {
      report(
        `lives in namespace '${namespace}' but its file is under the '${app}' app directory`,
        `render it in namespace '${app}'`,
      );
    }

    const template = podTemplateOf(object);
    if (template) {
      const used = podReferences(template);
      const configMaps = objects.names('ConfigMap', namespace);
      const secrets = objects.names('SealedSecret', namespace);
      for (const name of used.configMaps) {
        if (!configMaps.has(name))
          report(
            `reads ConfigMap '${name}', which is not rendered in its namespace`,
            'render it with an AppConfig',
          );
      }
      for (const name of used.secrets) {
        if (!secrets.has(name)) {
          report(
            `reads Secret '${name}', which no SealedSecret of its namespace creates`,
            `seal it into apps/<app>/deploy/sealed-secrets/<env>/`,
          );
        }
      }
    }
    problems.push(...checkKindReferences(manifest, objects));
  }
  return problems;
}
