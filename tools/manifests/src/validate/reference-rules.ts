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

  const named = (kind: string, namespace: string | undefined) =>
    new Set(
      manifests
        .filter((m) => m.object.kind === kind && namespaceOf(m.object) === namespace)
        .map((m) =>
          kind === 'SealedSecret'
            ? String(
                (spec(m.object)['template'] as { metadata?: { name?: unknown } } | undefined)
                  ?.metadata?.name ?? m.object.metadata?.name,
              )
            : String(m.object.metadata?.name),
        ),
    );

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

    const template = podTemplateOf(object);
    if (template) {
      const used = podReferences(template);
      const configMaps = named('ConfigMap', namespace);
      const secrets = named('SealedSecret', namespace);
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

    switch (object.kind) {
      case 'Deployment':
      case 'StatefulSet': {
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
      case 'HTTPRoute': {
        const rules = (spec(object)['rules'] ?? []) as {
          backendRefs?: { kind?: unknown; name?: unknown; port?: unknown }[];
        }[];
        for (const ref of rules.flatMap((rule) => rule.backendRefs ?? [])) {
          const service = manifests.find(
            (m) =>
              m.object.kind === 'Service' &&
              namespaceOf(m.object) === namespace &&
              m.object.metadata?.name === ref.name,
          );
          const ports = (service ? (spec(service.object)['ports'] ?? []) : []) as {
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

/** The ConfigMaps and Secrets a pod template reads, as environment or volumes. */
function podReferences(template: PodTemplateView): {
  configMaps: Set<string>;
  secrets: Set<string>;
} {
  const configMaps = new Set<string>();
  const secrets = new Set<string>();
  type EnvSource = { configMapRef?: { name?: unknown }; secretRef?: { name?: unknown } };
  type EnvVar = {
    valueFrom?: { configMapKeyRef?: { name?: unknown }; secretKeyRef?: { name?: unknown } };
  };
  for (const container of [
    ...(template.spec.containers ?? []),
    ...(template.spec.initContainers ?? []),
  ]) {
    const c = container as { envFrom?: EnvSource[]; env?: EnvVar[] };
    for (const source of c.envFrom ?? []) {
      if (source.configMapRef?.name) configMaps.add(String(source.configMapRef.name));
      if (source.secretRef?.name) secrets.add(String(source.secretRef.name));
    }
    for (const variable of c.env ?? []) {
      if (variable.valueFrom?.configMapKeyRef?.name)
        configMaps.add(String(variable.valueFrom.configMapKeyRef.name));
      if (variable.valueFrom?.secretKeyRef?.name)
        secrets.add(String(variable.valueFrom.secretKeyRef.name));
    }
  }
  for (const volume of template.spec.volumes ?? []) {
    const v = volume as { configMap?: { name?: unknown }; secret?: { secretName?: unknown } };
    if (v.configMap?.name) configMaps.add(String(v.configMap.name));
    if (v.secret?.secretName) secrets.add(String(v.secret.secretName));
  }
  return { configMaps, secrets };
}
