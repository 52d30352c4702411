import { imageVersion, type ImageReference } from '@platform/image-ref';

/** What the labels of a workload's objects are made of. */
export interface LabelSource {
  readonly name: string;
  readonly partOf: string;
  readonly image: ImageReference;
}

/** The kinds of workload, as `app.kubernetes.io/component`. */
export type WorkloadComponent =
  'web-service' | 'worker' | 'scheduled-job' | 'stateful-service' | 'migration';

/**
 * Labels that select the pods. They never change for the life of the workload:
 * a Deployment's selector is immutable, so no version goes in here.
 */
export function selectorLabels(props: Pick<LabelSource, 'name'>): Record<string, string> {
  return {
    'app.kubernetes.io/name': props.name,
    'app.kubernetes.io/instance': props.name,
  };
}

/** The recommended `app.kubernetes.io/*` labels that every object of a workload carries. */
export function standardLabels(
  props: LabelSource,
  component: WorkloadComponent,
): Record<string, string> {
  return {
    ...selectorLabels(props),
    'app.kubernetes.io/component': component,
    'app.kubernetes.io/part-of': props.partOf,
    'app.kubernetes.io/managed-by': 'cdk8s',
  };
}

/**
 * The standard labels plus `app.kubernetes.io/version`, for the workload and its pods only:
 * an image bump then changes one rendered file, not every one.
 */
export function versionedLabels(
  props: LabelSource,
  component: WorkloadComponent,
): Record<string, string> {
  return {
    ...standardLabels(props, component),
    'app.kubernetes.io/version': imageVersion(props.image),
  };
}

/** Namespace labels that make the API server enforce the Pod Security "restricted" profile. */
export const RESTRICTED_NAMESPACE_LABELS: Readonly<Record<string, string>> = {
  'pod-security.kubernetes.io/enforce': 'restricted',
  'pod-security.kubernetes.io/audit': 'restricted',
  'pod-security.kubernetes.io/warn': 'restricted',
};
