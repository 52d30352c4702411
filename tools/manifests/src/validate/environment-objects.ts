import { podTemplateOf, type PodTemplateView } from './pod-template.js';
import type { KubeObject, ManifestObject } from './problem.js';

/** An object with a pod template, and the namespace its pods run in. */
export interface Workload {
  readonly manifest: ManifestObject;
  readonly namespace: string;
  readonly template: PodTemplateView;
}

export const specOf = (object: KubeObject) => (object['spec'] ?? {}) as Record<string, unknown>;

export const namespaceOf = (object: KubeObject) =>
  typeof object.metadata?.namespace === 'string' ? object.metadata.namespace : undefined;

/** The objects of one environment, indexed for the rules that look one object up from another. */
export class EnvironmentObjects {
  readonly workloads: readonly Workload[];
  readonly namespaces: ReadonlySet<string>;

  constructor(readonly manifests: readonly ManifestObject[]) {
    this.workloads = manifests.flatMap((manifest) => {
      const template = podTemplateOf(manifest.object);
      const namespace = namespaceOf(manifest.object);
      return template && namespace ? [{ manifest, namespace, template }] : [];
    });
    this.namespaces = new Set(
      manifests
        .filter((m) => m.object.kind === 'Namespace')
        .map((m) => String(m.object.metadata?.name)),
    );
  }

  podsIn(namespace: string | undefined): Workload[] {
    return this.workloads.filter((w) => w.namespace === namespace);
  }

  /** The objects of a kind in a namespace. */
  ofKind(kind: string, namespace: string | undefined): ManifestObject[] {
    return this.manifests.filter(
      (m) => m.object.kind === kind && namespaceOf(m.object) === namespace,
    );
  }

  /** The names of a kind's objects in a namespace; for a SealedSecret, the Secret it creates. */
  names(kind: string, namespace: string | undefined): Set<string> {
    return new Set(
      this.ofKind(kind, namespace).map((m) =>
        kind === 'SealedSecret'
          ? String(
              (specOf(m.object)['template'] as { metadata?: { name?: unknown } } | undefined)
                ?.metadata?.name ?? m.object.metadata?.name,
            )
          : String(m.object.metadata?.name),
      ),
    );
  }
}
