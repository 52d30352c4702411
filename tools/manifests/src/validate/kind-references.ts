import { namespaceOf, specOf, type EnvironmentObjects } from './environment-objects.js';
import { selectorMatches, selectsEverything, type LabelSelectorView } from './label-selector.js';
import { podTemplateOf } from './pod-template.js';
import { problemFor, type ManifestObject, type Problem } from './problem.js';

/**
 * What each kind points at, checked against the other objects of its environment: selectors
 * select the pods they are meant for, ports and routes and autoscalers name what exists.
 */
export function checkKindReferences(
  manifest: ManifestObject,
  objects: EnvironmentObjects,
): Problem[] {
  const { object } = manifest;
  const problems: Problem[] = [];
  const fail = problemFor(manifest, 'workspace');
  const report = (message: string, fix: string) => problems.push(fail(message, fix));
  const namespace = namespaceOf(object);
  const spec = specOf(object);
  const selects = (selector: LabelSelectorView | undefined) =>
    objects.podsIn(namespace).filter((w) => selectorMatches(selector, w.template.labels));

  switch (object.kind) {
    case 'Deployment':
    case 'StatefulSet': {
      const template = podTemplateOf(object);
      if (!template || !selectorMatches(spec['selector'] as LabelSelectorView, template.labels)) {
        report(
          'spec.selector does not match the pod template labels',
          'select the pods by their stable app.kubernetes.io/name and instance labels',
        );
      }
      break;
    }
    case 'Service': {
      const selector = spec['selector'] as Record<string, unknown> | undefined;
      const selected =
        selector && Object.keys(selector).length > 0 ? selects({ matchLabels: selector }) : [];
      if (selected.length === 0) {
        report(
          'spec.selector selects no pods in its namespace',
          'select the labels of the workload it fronts',
        );
        break;
      }
      const ports = (spec['ports'] ?? []) as { targetPort?: unknown; port?: unknown }[];
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
    case 'HTTPRoute': {
      const rules = (spec['rules'] ?? []) as {
        backendRefs?: { kind?: unknown; name?: unknown; port?: unknown }[];
      }[];
      for (const ref of rules.flatMap((rule) => rule.backendRefs ?? [])) {
        const service = objects
          .ofKind('Service', namespace)
          .find((m) => m.object.metadata?.name === ref.name);
        const ports = (service ? (specOf(service.object)['ports'] ?? []) : []) as {
          port?: unknown;
        }[];
        if ((ref.kind ?? 'Service') !== 'Service' || !service) {
          report(
            `backendRef ${String(ref.name)} is not a Service in its namespace`,
            'route to the Service of the app',
          );
        } else if (!ports.some((p) => p.port === ref.port)) {
          report(
            `backendRef ${String(ref.name)}:${String(ref.port)} is not a port of that Service`,
            'use the Service port',
          );
        }
      }
      break;
    }
    case 'PodDisruptionBudget':
      if (selects(spec['selector'] as LabelSelectorView).length === 0) {
        report(
          'spec.selector selects no pods in its namespace',
          'select the labels of the workload it protects',
        );
      }
      break;
    case 'NetworkPolicy': {
      const selector = spec['podSelector'] as LabelSelectorView | undefined;
      if (!selectsEverything(selector) && selects(selector).length === 0) {
        report(
          'spec.podSelector selects no pods in its namespace',
          'select the labels of the pods it guards',
        );
      }
      break;
    }
    case 'HorizontalPodAutoscaler': {
      const ref = (spec['scaleTargetRef'] ?? {}) as { kind?: unknown; name?: unknown };
      const target = objects
        .podsIn(namespace)
        .find(
          (w) =>
            w.manifest.object.kind === ref.kind && w.manifest.object.metadata?.name === ref.name,
        );
      if (!target) {
        report(
          `scaleTargetRef ${String(ref.kind)}/${String(ref.name)} does not exist in its namespace`,
          'point it at the Deployment it scales',
        );
      } else if (specOf(target.manifest.object)['replicas'] !== undefined) {
        // The problem is the workload's, so it names the workload's file.
        problems.push(
          problemFor(target.manifest, 'workspace')(
            'sets spec.replicas while a HorizontalPodAutoscaler owns the replica count',
            'remove replicas; every sync would otherwise reset the autoscaler',
          ),
        );
      }
      break;
    }
  }
  return problems;
}
