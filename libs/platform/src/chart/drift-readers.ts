import { platformLabels } from './sync.js';

/**
 * The Kubernetes group infra/cluster maps the read-only CI role to (an EKS access entry with no
 * access policy): what the scheduled drift check reads the engine's objects as.
 */
export const DRIFT_READERS_GROUP = 'platform:drift-readers';

const READER = 'platform-drift-reader';

/**
 * Read access to the GitOps engines' objects, and nothing else, for DRIFT_READERS_GROUP: Argo
 * CD's Applications and ApplicationSets, Flux's Kustomizations and HelmReleases (their specs
 * and status; no Secret, no workload). EKS's view policy does not cover custom resources, and
 * this group has no other binding.
 */
export function driftReaderManifests(environment: string) {
  const metadata = { name: READER, labels: platformLabels(environment) };
  return [
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata,
      rules: [
        {
          apiGroups: ['argoproj.io'],
          resources: ['applications', 'applicationsets'],
          verbs: ['get', 'list', 'watch'],
        },
        {
          apiGroups: ['kustomize.toolkit.fluxcd.io', 'helm.toolkit.fluxcd.io'],
          resources: ['kustomizations', 'helmreleases'],
          verbs: ['get', 'list', 'watch'],
        },
      ],
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata,
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: READER },
      subjects: [
        { apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: DRIFT_READERS_GROUP },
      ],
    },
  ];
}
