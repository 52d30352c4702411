// One module per kind, not the API groups' barrels: a barrel loads every kind of its group
// with its schemas (measured: 0.8 s of a render's start-up for the six barrels).
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { Service } from 'kubernetes-models/v1/Service';
import { ServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { StatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { ClusterRole } from 'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRole';
import { ClusterRoleBinding } from 'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRoleBinding';
import { CronJob } from 'kubernetes-models/batch/v1/CronJob';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { HTTPRoute } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/HTTPRoute';
import { Gateway } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/Gateway';
import { GatewayClass } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/GatewayClass';
import { Application } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/Application';
import { AppProject } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/AppProject';
import { ApplicationSet } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/ApplicationSet';
import { Certificate } from '@kubernetes-models/cert-manager/cert-manager.io/v1/Certificate';
import { ClusterIssuer } from '@kubernetes-models/cert-manager/cert-manager.io/v1/ClusterIssuer';
import { EnvoyProxy } from '@kubernetes-models/envoy-gateway/gateway.envoyproxy.io/v1alpha1/EnvoyProxy';
import { HelmRelease } from '@kubernetes-models/flux-cd/helm.toolkit.fluxcd.io/v2/HelmRelease';
import { Kustomization } from '@kubernetes-models/flux-cd/kustomize.toolkit.fluxcd.io/v1/Kustomization';
import { Alert } from '@kubernetes-models/flux-cd/notification.toolkit.fluxcd.io/v1beta3/Alert';
import { Provider } from '@kubernetes-models/flux-cd/notification.toolkit.fluxcd.io/v1beta3/Provider';
import { HelmRepository } from '@kubernetes-models/flux-cd/source.toolkit.fluxcd.io/v1/HelmRepository';
import { OCIRepository } from '@kubernetes-models/flux-cd/source.toolkit.fluxcd.io/v1/OCIRepository';

/** A kubernetes-models class: constructing one and calling validate() checks the object against the API schema. */
interface ModelClass {
  new (data: never): { validate(): void };
}

/** What the validator knows about one kind it accepts in `manifests/`. */
export interface KindInfo {
  readonly model: ModelClass;
  /** Module and interface in kubernetes-models whose fields are the allowed ones. */
  readonly typeModule: string;
  readonly typeName: string;
  readonly namespaced: boolean;
}

function kind(
  model: ModelClass,
  typeModule: string,
  typeName: string,
  namespaced = true,
): KindInfo {
  return { model, typeModule, typeName, namespaced };
}

/**
 * The kinds that may appear in rendered manifests, keyed `apiVersion/kind`, besides the
 * SealedSecret (validated by its own schema, sealed-secret.ts). Anything else (including a
 * v1 Secret, which must never reach git in plain text) is refused; add a kind here, then run
 * `npm run generate-known-fields -w @platform/manifests`.
 */
export const KINDS: Readonly<Record<string, KindInfo>> = {
  'v1/Namespace': kind(
    Namespace as ModelClass,
    'kubernetes-models/v1/Namespace',
    'INamespace',
    false,
  ),
  'v1/ServiceAccount': kind(
    ServiceAccount as ModelClass,
    'kubernetes-models/v1/ServiceAccount',
    'IServiceAccount',
  ),
  'v1/Service': kind(Service as ModelClass, 'kubernetes-models/v1/Service', 'IService'),
  'v1/ConfigMap': kind(ConfigMap as ModelClass, 'kubernetes-models/v1/ConfigMap', 'IConfigMap'),
  'apps/v1/Deployment': kind(
    Deployment as ModelClass,
    'kubernetes-models/apps/v1/Deployment',
    'IDeployment',
  ),
  'apps/v1/StatefulSet': kind(
    StatefulSet as ModelClass,
    'kubernetes-models/apps/v1/StatefulSet',
    'IStatefulSet',
  ),
  'batch/v1/Job': kind(Job as ModelClass, 'kubernetes-models/batch/v1/Job', 'IJob'),
  'batch/v1/CronJob': kind(CronJob as ModelClass, 'kubernetes-models/batch/v1/CronJob', 'ICronJob'),
  'autoscaling/v2/HorizontalPodAutoscaler': kind(
    HorizontalPodAutoscaler as ModelClass,
    'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler',
    'IHorizontalPodAutoscaler',
  ),
  'policy/v1/PodDisruptionBudget': kind(
    PodDisruptionBudget as ModelClass,
    'kubernetes-models/policy/v1/PodDisruptionBudget',
    'IPodDisruptionBudget',
  ),
  // Gateway API v1 (standard channel), from kubernetes-models' Gateway API package: generated
  // from the upstream CRDs, pinned in package.json (2.0.0: ESM, on kubernetes-models 5).
  'gateway.networking.k8s.io/v1/HTTPRoute': kind(
    HTTPRoute as ModelClass,
    '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/HTTPRoute',
    'IHTTPRoute',
  ),
  // The platform layer's kinds (manifests/<env>/_platform/), each from a kubernetes-models
  // package generated from the project's upstream CRDs and pinned in package.json:
  // Gateway API as above; Argo CD from @kubernetes-models/argo-cd 4.0.0 (its AppProject has
  // Argo CD 3.3's clusterResourceBlacklist `name`); cert-manager from
  // @kubernetes-models/cert-manager 6.0.0 (go-generated from cert-manager v1.20.2's API: the
  // 4.4 line models v1.11, whose Route 53 solver still required a region). Envoy Gateway's
  // EnvoyProxy from @kubernetes-models/envoy-gateway 2.0.0 (go-generated from Envoy Gateway
  // v1.7.3's API, the only release; the cluster runs v1.9.0, whose EnvoyProxy fields the
  // platform renders (provider.type, provider.kubernetes.envoyService.type/annotations) are
  // v1.7.3's too). Every one of them is ESM, declares Node 22 and shares the workspace's one
  // kubernetes-models 5 and @kubernetes-models/base 6 (docs/pins.md).
  'gateway.networking.k8s.io/v1/GatewayClass': kind(
    GatewayClass as ModelClass,
    '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/GatewayClass',
    'IGatewayClass',
    false,
  ),
  'gateway.networking.k8s.io/v1/Gateway': kind(
    Gateway as ModelClass,
    '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/Gateway',
    'IGateway',
  ),
  'argoproj.io/v1alpha1/Application': kind(
    Application as ModelClass,
    '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/Application',
    'IApplication',
  ),
  'argoproj.io/v1alpha1/AppProject': kind(
    AppProject as ModelClass,
    '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/AppProject',
    'IAppProject',
  ),
  'argoproj.io/v1alpha1/ApplicationSet': kind(
    ApplicationSet as ModelClass,
    '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/ApplicationSet',
    'IApplicationSet',
  ),
  'cert-manager.io/v1/Certificate': kind(
    Certificate as ModelClass,
    '@kubernetes-models/cert-manager/cert-manager.io/v1/Certificate',
    'ICertificate',
  ),
  'cert-manager.io/v1/ClusterIssuer': kind(
    ClusterIssuer as ModelClass,
    '@kubernetes-models/cert-manager/cert-manager.io/v1/ClusterIssuer',
    'IClusterIssuer',
    false,
  ),
  'gateway.envoyproxy.io/v1alpha1/EnvoyProxy': kind(
    EnvoyProxy as ModelClass,
    '@kubernetes-models/envoy-gateway/gateway.envoyproxy.io/v1alpha1/EnvoyProxy',
    'IEnvoyProxy',
  ),
  'networking.k8s.io/v1/NetworkPolicy': kind(
    NetworkPolicy as ModelClass,
    'kubernetes-models/networking.k8s.io/v1/NetworkPolicy',
    'INetworkPolicy',
  ),
  // The platform layer's read-only access to the engines' objects (drift-readers.ts).
  'rbac.authorization.k8s.io/v1/ClusterRole': kind(
    ClusterRole as ModelClass,
    'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRole',
    'IClusterRole',
    false,
  ),
  'rbac.authorization.k8s.io/v1/ClusterRoleBinding': kind(
    ClusterRoleBinding as ModelClass,
    'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRoleBinding',
    'IClusterRoleBinding',
    false,
  ),
  // Flux (an environment whose engine is flux): @kubernetes-models/flux-cd 4.0.0, generated
  // from the controllers' Go API types (source v1, kustomize v1, helm v2, notification
  // v1beta3: the versions Flux 2.8 serves).
  ...fluxKind(Kustomization, 'kustomize.toolkit.fluxcd.io/v1', 'Kustomization', 'IKustomization'),
  ...fluxKind(HelmRelease, 'helm.toolkit.fluxcd.io/v2', 'HelmRelease', 'IHelmRelease'),
  ...fluxKind(HelmRepository, 'source.toolkit.fluxcd.io/v1', 'HelmRepository', 'IHelmRepository'),
  ...fluxKind(OCIRepository, 'source.toolkit.fluxcd.io/v1', 'OCIRepository', 'IOCIRepository'),
  ...fluxKind(Provider, 'notification.toolkit.fluxcd.io/v1beta3', 'Provider', 'IProvider'),
  ...fluxKind(Alert, 'notification.toolkit.fluxcd.io/v1beta3', 'Alert', 'IAlert'),
};

function fluxKind(model: unknown, apiVersion: string, name: string, typeName: string) {
  return {
    [`${apiVersion}/${name}`]: kind(
      model as ModelClass,
      `@kubernetes-models/flux-cd/${apiVersion}/${name}`,
      typeName,
    ),
  };
}

export function kindKey(apiVersion: unknown, kindName: unknown): string {
  return `${String(apiVersion)}/${String(kindName)}`;
}
