import { selectorMatches, selectsEverything, type LabelSelectorView } from './label-selector.js';
import { podTemplateOf, type PodTemplateView } from './pod-template.js';
import { problemFor, type KubeObject, type ManifestObject, type Problem } from './problem.js';

const RESTRICTED_LABEL = 'pod-security.kubernetes.io/enforce';

interface Workload {
  readonly manifest: ManifestObject;
  readonly namespace: string;
  readonly template: PodTemplateView;
}

const spec = (object: KubeObject) => (object['spec'] ?? {}) as Record<string, unknown>;
const namespaceOf = (object: KubeObject) =>
  typeof object.metadata?.namespace === 'string' ? object.metadata.namespace : undefined;

/**
 * Rules between objects of one environment: every selector selects the pods it
 * is meant for, every reference points at an object that exists, and every
 * namespaced object lives in a namespace that enforces "restricted".
 */
export function checkReferences(manifests: readonly ManifestObject[]): Problem[] {
  const problems: Problem[] = [];
  const workloads: Workload[] = manifests.flatMap((manifest) => {
    const template = podTemplateOf(manifest.object);
    const namespace = namespaceOf(manifest.object);
    return template && namespace ? [{ manifest, namespace, template }] : [];
  });
  const namespaces = new Map(
    manifests
      .filter((m) => m.object.kind === 'Namespace')
      .map((m) => [String(m.object.metadata?.name), m.object]),
  );
  const podsIn = (namespace: string | undefined) =>
    workloads.filter((w) => w.namespace === namespace);

  for (const manifest of manifests) {
    const object = manifest.object;
    const fail = problemFor(manifest, 'workspace');
    const report = (message: string, fix: string) => problems.push(fail(message, fix));
    const namespace = namespaceOf(object);
    const selects = (selector: LabelSelectorView | undefined) =>
      podsIn(namespace).filter((w) => selectorMatches(selector, w.template.labels));

    if (object.kind === 'Namespace') {
      if (object.metadata?.labels?.[RESTRICTED_LABEL] !== 'restricted') {
        report(
          `namespace does not enforce Pod Security "restricted"`,
          `label it ${RESTRICTED_LABEL}: restricted`,
        );
      }
      continue;
    }
    if (!namespace) {
      report(
        'has no metadata.namespace',
        'set the namespace explicitly; never rely on the default namespace',
      );
    } else if (!namespaces.has(namespace)) {
      report(
        `namespace '${namespace}' is not rendered in this environment`,
        'render the Namespace with the app, so its Pod Security labels are in git',
      );
    }
    const directoryApp = manifest.file.split('/').at(-2);
    if (namespace && directoryApp && namespace !== directoryApp) {
      report(
        `lives in namespace '${namespace}' but its file is under the '${directoryApp}' app directory`,
        `render it in namespace '${directoryApp}'`,
      );
    }

    switch (object.kind) {
      case 'Deployment':
      case 'StatefulSet': {
        const template = podTemplateOf(object);
        if (
          !template ||
          !selectorMatches(spec(object)['selector'] as LabelSelectorView, template.labels)
        ) {
          report(
            'spec.selector does not match the pod template labels',
            'select the pods by their stable app.kubernetes.io/name and instance labels',
          );
        }
        break;
      }
      case 'Service': {
        const selector = spec(object)['selector'] as Record<string, unknown> | undefined;
        const selected =
          selector && Object.keys(selector).length > 0 ? selects({ matchLabels: selector }) : [];
        if (selected.length === 0) {
          report(
            'spec.selector selects no pods in its namespace',
            'select the labels of the workload it fronts',
          );
          break;
        }
        const ports = (spec(object)['ports'] ?? []) as { targetPort?: unknown; port?: unknown }[];
        for (const port of ports) {
          const target = port.targetPort ?? port.port;
          const served = selected.some((w) =>
            (w.template.spec.containers ?? []).some((c) =>
              (c.ports ?? []).some((p) => p.containerPort === target || p.name === target),
            ),
          );
          if (!served)
            report(
              `targetPort ${String(target)} is not a port of the selected pods`,
              'point targetPort at the container port',
            );
        }
        break;
      }
      case 'PodDisruptionBudget':
        if (selects(spec(object)['selector'] as LabelSelectorView).length === 0) {
          report(
            'spec.selector selects no pods in its namespace',
            'select the labels of the workload it protects',
          );
        }
        break;
      case 'NetworkPolicy': {
        const selector = spec(object)['podSelector'] as LabelSelectorView | undefined;
        if (!selectsEverything(selector) && selects(selector).length === 0) {
          report(
            'spec.podSelector selects no pods in its namespace',
            'select the labels of the pods it guards',
          );
        }
        break;
      }
      case 'HorizontalPodAutoscaler': {
        const ref = (spec(object)['scaleTargetRef'] ?? {}) as { kind?: unknown; name?: unknown };
        const target = workloads.find(
          (w) =>
            w.namespace === namespace &&
            w.manifest.object.kind === ref.kind &&
            w.manifest.object.metadata?.name === ref.name,
        );
        if (!target) {
          report(
            `scaleTargetRef ${String(ref.kind)}/${String(ref.name)} does not exist in its namespace`,
            'point it at the Deployment it scales',
          );
        } else {
          if (spec(target.manifest.object)['replicas'] !== undefined) {
            problems.push(
              problemFor(target.manifest, 'workspace')(
                'sets spec.replicas while a HorizontalPodAutoscaler owns the replica count',
                'remove replicas; every sync would otherwise reset the autoscaler',
              ),
            );
          }
        }
        break;
      }
    }
  }
  return problems;
}
