export { ADDON_IDENTITIES } from './addon-identities.js';
export type { AddonIdentity } from './addon-identities.js';
export {
  argoCdValues,
  APPLICATIONS_SYNC_POLICY,
  PORT_FORWARD_DOMAIN,
} from './argocd/argocd-values.js';
export type { ArgoCdValues } from './argocd/argocd-values.js';
export { ArgoCdSettingsError, resolveArgoCdSettings } from './argocd/argocd-settings.js';
export { resourcesOf } from './argocd/component-resources.js';
export type { KubernetesResources } from './argocd/component-resources.js';
export {
  ARGO_CD_CHART,
  CERT_MANAGER_CHART,
  ENVOY_GATEWAY_CHART,
  EXTERNAL_DNS_CHART,
  FLUX_CHART,
  GATEWAY_CRDS_CHART,
  PLATFORM_CHARTS,
  SEALED_SECRETS_CHART,
} from './charts.js';
export type { PinnedChart } from './charts.js';
export {
  AWS_ADDONS_DIRECTORY,
  CLUSTER_SECRET_LABELS,
  LOCAL_ADDONS_DIRECTORY,
  PLATFORM_DIRECTORY,
  platformPath,
  WORKLOAD_PLATFORM_DIRECTORY,
} from './layout.js';
export { PlatformChart } from './chart/platform-chart.js';
export type { PlatformChartProps, PlatformDirectory } from './chart/platform-chart.js';
export { BOOTSTRAP_NAMESPACES, ENVOY_GATEWAY_NAMESPACE } from './chart/namespaces.js';
export { REPOSITORY_DECLARATION_KEYS, REPOSITORY_SECRET_LABEL } from './chart/oci-repositories.js';
export { PLATFORM_PROJECT } from './chart/platform-project.js';
export { SYNC_WAVES, SYNC_WAVE_ANNOTATION, IN_CLUSTER } from './chart/sync.js';
export { environmentDirectory, SYNC_OPTIONS, SYNC_RETRY } from './chart/application-set.js';
export { FLUX_KUSTOMIZE_BASES, fluxPlatformFiles } from './flux/flux-platform.js';
export type { FluxPlatformFile, FluxPlatformProps } from './flux/flux-platform.js';
export {
  FLUX_ADDONS_KUSTOMIZATION,
  FLUX_COMMIT_STATUS_SECRET,
  FLUX_GIT_REPOSITORY,
  FLUX_NAMESPACE,
  FLUX_ROOT_KUSTOMIZATION,
} from './flux/flux-layout.js';
export { fluxValues } from './flux/flux-values.js';
export { DRIFT_READERS_GROUP } from './chart/drift-readers.js';
