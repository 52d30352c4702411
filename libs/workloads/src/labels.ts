import { imageVersion } from '@platform/image-ref';
import type { ResolvedWebServiceProps } from './resolve-web-service-props.js';

/**
 * Labels that select the pods. They never change for the life of the app:
 * a Deployment's selector is immutable, so no version goes in here.
 */
export function selectorLabels(
  props: Pick<ResolvedWebServiceProps, 'name'>,
): Record<string, string> {
  return {
    'app.kubernetes.io/name': props.name,
    'app.kubernetes.io/instance': props.name,
  };
}

/** The recommended `app.kubernetes.io/*` labels that every object the construct makes carries. */
export function standardLabels(props: ResolvedWebServiceProps): Record<string, string> {
  return {
    ...selectorLabels(props),
    'app.kubernetes.io/component': 'web-service',
    'app.kubernetes.io/part-of': props.partOf,
    'app.kubernetes.io/managed-by': 'cdk8s',
  };
}

/**
 * The standard labels plus `app.kubernetes.io/version`, for the Deployment and
 * its pods only: an image bump then changes one rendered file, not every one.
 */
export function versionedLabels(props: ResolvedWebServiceProps): Record<string, string> {
  return { ...standardLabels(props), 'app.kubernetes.io/version': imageVersion(props.image) };
}

/** Namespace labels that make the API server enforce the Pod Security "restricted" profile. */
export const RESTRICTED_NAMESPACE_LABELS: Readonly<Record<string, string>> = {
  'pod-security.kubernetes.io/enforce': 'restricted',
  'pod-security.kubernetes.io/audit': 'restricted',
  'pod-security.kubernetes.io/warn': 'restricted',
};
