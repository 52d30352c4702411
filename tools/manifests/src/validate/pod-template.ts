import type { KubeObject } from './problem.js';

/** The loosely typed parts of a pod spec the checks read. */
export interface PodSpecView {
  readonly hostNetwork?: unknown;
  readonly hostPID?: unknown;
  readonly hostIPC?: unknown;
  readonly securityContext?: SecurityContextView & {
    readonly sysctls?: readonly { readonly name?: unknown }[];
  };
  readonly containers?: readonly ContainerView[];
  readonly initContainers?: readonly ContainerView[];
  readonly ephemeralContainers?: readonly ContainerView[];
  readonly volumes?: readonly Record<string, unknown>[];
}

export interface SecurityContextView {
  readonly runAsNonRoot?: unknown;
  readonly runAsUser?: unknown;
  readonly privileged?: unknown;
  readonly allowPrivilegeEscalation?: unknown;
  readonly readOnlyRootFilesystem?: unknown;
  readonly procMount?: unknown;
  readonly seccompProfile?: { readonly type?: unknown };
  readonly appArmorProfile?: { readonly type?: unknown };
  readonly seLinuxOptions?: {
    readonly type?: unknown;
    readonly user?: unknown;
    readonly role?: unknown;
  };
  readonly windowsOptions?: { readonly hostProcess?: unknown };
  readonly capabilities?: { readonly add?: readonly unknown[]; readonly drop?: readonly unknown[] };
}

export interface ContainerView {
  readonly name?: unknown;
  readonly image?: unknown;
  readonly securityContext?: SecurityContextView;
  readonly ports?: readonly {
    readonly containerPort?: unknown;
    readonly hostPort?: unknown;
    readonly name?: unknown;
  }[];
  readonly resources?: {
    readonly requests?: Record<string, unknown>;
    readonly limits?: Record<string, unknown>;
  };
  readonly readinessProbe?: unknown;
  readonly livenessProbe?: unknown;
}

/** A pod template and the labels its pods get, from any workload kind. */
export interface PodTemplateView {
  readonly labels: Readonly<Record<string, unknown>>;
  readonly annotations: Readonly<Record<string, unknown>>;
  readonly spec: PodSpecView;
}

type Json = Record<string, unknown> | undefined;
const at = (value: unknown, key: string): Json =>
  value && typeof value === 'object'
    ? ((value as Record<string, unknown>)[key] as Json)
    : undefined;

/** The pod template of a workload (Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob) or a Pod; undefined otherwise. */
export function podTemplateOf(object: KubeObject): PodTemplateView | undefined {
  let template: Json;
  switch (object.kind) {
    case 'Pod':
      template = { metadata: object.metadata, spec: object['spec'] };
      break;
    case 'Deployment':
    case 'StatefulSet':
    case 'DaemonSet':
    case 'ReplicaSet':
    case 'Job':
      template = at(object['spec'], 'template');
      break;
    case 'CronJob':
      template = at(at(at(object['spec'], 'jobTemplate'), 'spec'), 'template');
      break;
    default:
      return undefined;
  }
  const metadata = at(template, 'metadata');
  return {
    labels: (at(metadata, 'labels') ?? {}) as Record<string, unknown>,
    annotations: (at(metadata, 'annotations') ?? {}) as Record<string, unknown>,
    spec: (at(template, 'spec') ?? {}) as PodSpecView,
  };
}

/** Every container of a pod spec with the field it sits under, for messages. */
export function allContainers(
  spec: PodSpecView,
): { readonly field: string; readonly container: ContainerView }[] {
  return (['initContainers', 'containers', 'ephemeralContainers'] as const).flatMap((field) =>
    (spec[field] ?? []).map((container) => ({ field, container })),
  );
}
