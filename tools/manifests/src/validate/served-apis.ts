/**
 * When Kubernetes served each built-in API version of a kind: `served` is the first minor
 * version whose API server serves it by default (GA, or beta when betas were on by default),
 * `removed` the first that no longer does. Sources, read 2026-12-02: the Deprecated API
 * Migration Guide (https://kubernetes.io/docs/reference/using-api/deprecation-guide/: removals
 * up to v1.32, none listed since) and the API reference of each version
 * (https://kubernetes.io/docs/reference/kubernetes-api/). Add a row before rendering a new
 * built-in kind; a spec proves every built-in kind of kinds.ts has one.
 */
export interface ServedApi {
  /** `group/version`, or `v1` for the core group. */
  readonly apiVersion: string;
  readonly kinds: readonly string[];
  /** First minor version that serves it, `1.<minor>`. */
  readonly served: string;
  /** First minor version that no longer serves it. @default still served */
  readonly removed?: string;
}

const workloads = ['Deployment', 'DaemonSet', 'ReplicaSet', 'StatefulSet'];
const rbac = ['Role', 'RoleBinding', 'ClusterRole', 'ClusterRoleBinding'];
const webhooks = ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'];
const flowControl = ['FlowSchema', 'PriorityLevelConfiguration'];
const core = ['Namespace', 'ServiceAccount', 'Service', 'ConfigMap', 'Secret', 'Pod'];

export const SERVED_APIS: readonly ServedApi[] = [
  { apiVersion: 'v1', kinds: [...core, 'PersistentVolumeClaim', 'LimitRange'], served: '1.0' },
  { apiVersion: 'v1', kinds: ['ResourceQuota', 'Endpoints'], served: '1.0' },
  { apiVersion: 'apps/v1', kinds: workloads, served: '1.9' },
  { apiVersion: 'apps/v1beta1', kinds: ['StatefulSet'], served: '1.5', removed: '1.16' },
  { apiVersion: 'apps/v1beta1', kinds: ['Deployment'], served: '1.6', removed: '1.16' },
  { apiVersion: 'apps/v1beta2', kinds: workloads, served: '1.8', removed: '1.16' },
  {
    apiVersion: 'extensions/v1beta1',
    kinds: ['Deployment', 'DaemonSet', 'ReplicaSet'],
    served: '1.2',
    removed: '1.16',
  },
  { apiVersion: 'extensions/v1beta1', kinds: ['NetworkPolicy'], served: '1.3', removed: '1.16' },
  { apiVersion: 'extensions/v1beta1', kinds: ['Ingress'], served: '1.2', removed: '1.22' },
  { apiVersion: 'batch/v1', kinds: ['Job'], served: '1.2' },
  { apiVersion: 'batch/v1', kinds: ['CronJob'], served: '1.21' },
  { apiVersion: 'batch/v1beta1', kinds: ['CronJob'], served: '1.8', removed: '1.25' },
  { apiVersion: 'autoscaling/v1', kinds: ['HorizontalPodAutoscaler'], served: '1.2' },
  { apiVersion: 'autoscaling/v2', kinds: ['HorizontalPodAutoscaler'], served: '1.23' },
  {
    apiVersion: 'autoscaling/v2beta1',
    kinds: ['HorizontalPodAutoscaler'],
    served: '1.8',
    removed: '1.25',
  },
  {
    apiVersion: 'autoscaling/v2beta2',
    kinds: ['HorizontalPodAutoscaler'],
    served: '1.12',
    removed: '1.26',
  },
  { apiVersion: 'policy/v1', kinds: ['PodDisruptionBudget'], served: '1.21' },
  { apiVersion: 'policy/v1beta1', kinds: ['PodDisruptionBudget'], served: '1.5', removed: '1.25' },
  { apiVersion: 'policy/v1beta1', kinds: ['PodSecurityPolicy'], served: '1.10', removed: '1.25' },
  { apiVersion: 'networking.k8s.io/v1', kinds: ['NetworkPolicy'], served: '1.7' },
  { apiVersion: 'networking.k8s.io/v1', kinds: ['Ingress', 'IngressClass'], served: '1.19' },
  { apiVersion: 'networking.k8s.io/v1beta1', kinds: ['Ingress'], served: '1.14', removed: '1.22' },
  {
    apiVersion: 'networking.k8s.io/v1beta1',
    kinds: ['IngressClass'],
    served: '1.18',
    removed: '1.22',
  },
  { apiVersion: 'rbac.authorization.k8s.io/v1', kinds: rbac, served: '1.8' },
  { apiVersion: 'rbac.authorization.k8s.io/v1beta1', kinds: rbac, served: '1.6', removed: '1.22' },
  { apiVersion: 'scheduling.k8s.io/v1', kinds: ['PriorityClass'], served: '1.14' },
  {
    apiVersion: 'scheduling.k8s.io/v1beta1',
    kinds: ['PriorityClass'],
    served: '1.11',
    removed: '1.22',
  },
  { apiVersion: 'admissionregistration.k8s.io/v1', kinds: webhooks, served: '1.16' },
  {
    apiVersion: 'admissionregistration.k8s.io/v1beta1',
    kinds: webhooks,
    served: '1.9',
    removed: '1.22',
  },
  {
    apiVersion: 'apiextensions.k8s.io/v1',
    kinds: ['CustomResourceDefinition'],
    served: '1.16',
  },
  {
    apiVersion: 'apiextensions.k8s.io/v1beta1',
    kinds: ['CustomResourceDefinition'],
    served: '1.7',
    removed: '1.22',
  },
  { apiVersion: 'discovery.k8s.io/v1', kinds: ['EndpointSlice'], served: '1.21' },
  {
    apiVersion: 'discovery.k8s.io/v1beta1',
    kinds: ['EndpointSlice'],
    served: '1.17',
    removed: '1.25',
  },
  { apiVersion: 'node.k8s.io/v1', kinds: ['RuntimeClass'], served: '1.20' },
  { apiVersion: 'node.k8s.io/v1beta1', kinds: ['RuntimeClass'], served: '1.14', removed: '1.25' },
  { apiVersion: 'flowcontrol.apiserver.k8s.io/v1', kinds: flowControl, served: '1.29' },
  {
    apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta1',
    kinds: flowControl,
    served: '1.20',
    removed: '1.26',
  },
  {
    apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta2',
    kinds: flowControl,
    served: '1.23',
    removed: '1.29',
  },
  {
    apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta3',
    kinds: flowControl,
    served: '1.26',
    removed: '1.32',
  },
];

/**
 * API groups whose kinds are served by CustomResourceDefinitions their controllers install
 * (Argo CD, Gateway API, cert-manager, Sealed Secrets, Envoy Gateway), not by a Kubernetes
 * version: the guard skips them, and each controller's pinned chart decides what is served.
 */
export const CRD_GROUPS: readonly string[] = [
  'argoproj.io',
  'gateway.networking.k8s.io',
  'cert-manager.io',
  'acme.cert-manager.io',
  'bitnami.com',
  'gateway.envoyproxy.io',
  'kustomize.toolkit.fluxcd.io',
  'helm.toolkit.fluxcd.io',
  'source.toolkit.fluxcd.io',
  'notification.toolkit.fluxcd.io',
];

/** The Kubernetes versions the table is dated for: 1.16 (the first big removal) to 1.35. */
export const KNOWN_VERSIONS: readonly string[] = Array.from(
  { length: 20 },
  (_, i) => `1.${16 + i}`,
);
