import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/** A kubernetes-models class: constructing one and calling validate() checks the object against the API schema. */
interface ModelClass {
  new (data: never): { validate(): void };
}

/** What the validator knows about one kind it accepts in `manifests/`. */
export interface KindInfo {
  /** Its kubernetes-models class (see loadModels). */
  readonly model: () => ModelClass;
  /** Module and interface in kubernetes-models whose fields are the allowed ones. */
  readonly typeModule: string;
  readonly typeName: string;
  readonly namespaced: boolean;
}

function kind(typeModule: string, typeName: string, namespaced = true): KindInfo {
  return { model: () => loadedModel(typeModule, typeName), typeModule, typeName, namespaced };
}

type ModelModule = Readonly<Record<string, ModelClass | undefined>>;

/**
 * The models loaded so far, by module. A kind's model is loaded when a manifest of that kind is
 * first met, not when the validator loads, so a render of apps alone never loads the platform
 * layer's models (Envoy Gateway's EnvoyProxy is some 270 modules, 0.5 s of CPU). One module per
 * kind, never an API group's barrel, which would load every kind of the group with its schemas.
 */
const models = new Map<string, ModelClass>();

function modelOf(exported: ModelModule, typeModule: string, typeName: string): ModelClass {
  const model = exported[typeName.slice(1)];
  if (!model) throw new Error(`${typeModule} exports no ${typeName.slice(1)}`);
  models.set(typeModule, model);
  return model;
}

/**
 * Imports the models of these kinds (keys of KINDS; others are ignored), as the pipeline does
 * before validating: the ES-module packages (cert-manager's, Envoy Gateway's) load only through
 * import under tsx.
 */
export async function loadModels(keys: Iterable<string>): Promise<void> {
  const wanted = [...new Set(keys)].flatMap((key) => KINDS[key] ?? []);
  await Promise.all(
    wanted
      .filter((info) => !models.has(info.typeModule))
      .map(async ({ typeModule, typeName }) =>
        modelOf((await import(typeModule)) as ModelModule, typeModule, typeName),
      ),
  );
}

const requireModel = createRequire(import.meta.url);

/**
 * The model as loadModels left it or, for a caller that did not load it (a test validating
 * objects directly), required now: resolved as an import would resolve it, since the ES-module
 * packages export nothing to require (Node 22.12+ loads ES modules through require).
 */
function loadedModel(typeModule: string, typeName: string): ModelClass {
  return (
    models.get(typeModule) ??
    modelOf(
      requireModel(fileURLToPath(import.meta.resolve(typeModule))) as ModelModule,
      typeModule,
      typeName,
    )
  );
}

/**
 * The kinds that may appear in rendered manifests, keyed `apiVersion/kind`, besides the
 * SealedSecret (validated by its own schema, sealed-secret.ts). Anything else (including a
 * v1 Secret, which must never reach git in plain text) is refused; add a kind here, then run
 * `npm run generate-known-fields -w @platform/manifests`.
 */
export const KINDS: Readonly<Record<string, KindInfo>> = {
  'v1/Namespace': kind('kubernetes-models/v1/Namespace', 'INamespace', false),
  'v1/ServiceAccount': kind('kubernetes-models/v1/ServiceAccount', 'IServiceAccount'),
  'v1/Service': kind('kubernetes-models/v1/Service', 'IService'),
  'v1/ConfigMap': kind('kubernetes-models/v1/ConfigMap', 'IConfigMap'),
  'apps/v1/Deployment': kind('kubernetes-models/apps/v1/Deployment', 'IDeployment'),
  'apps/v1/StatefulSet': kind('kubernetes-models/apps/v1/StatefulSet', 'IStatefulSet'),
  'batch/v1/Job': kind('kubernetes-models/batch/v1/Job', 'IJob'),
  'batch/v1/CronJob': kind('kubernetes-models/batch/v1/CronJob', 'ICronJob'),
  'autoscaling/v2/HorizontalPodAutoscaler': kind(
    'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler',
    'IHorizontalPodAutoscaler',
  ),
  'policy/v1/PodDisruptionBudget': kind(
    'kubernetes-models/policy/v1/PodDisruptionBudget',
    'IPodDisruptionBudget',
  ),
  // Gateway API v1 (standard channel), from kubernetes-models' Gateway API package: generated
  // from the upstream CRDs, pinned in package.json (2.0.0: ESM, on kubernetes-models 5).
  'gateway.networking.k8s.io/v1/HTTPRoute': kind(
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
    '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/GatewayClass',
    'IGatewayClass',
    false,
  ),
  'gateway.networking.k8s.io/v1/Gateway': kind(
    '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/Gateway',
    'IGateway',
  ),
  'argoproj.io/v1alpha1/Application': kind(
    '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/Application',
    'IApplication',
  ),
  'argoproj.io/v1alpha1/AppProject': kind(
    '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/AppProject',
    'IAppProject',
  ),
  'argoproj.io/v1alpha1/ApplicationSet': kind(
    '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/ApplicationSet',
    'IApplicationSet',
  ),
  'cert-manager.io/v1/Certificate': kind(
    '@kubernetes-models/cert-manager/cert-manager.io/v1/Certificate',
    'ICertificate',
  ),
  'cert-manager.io/v1/ClusterIssuer': kind(
    '@kubernetes-models/cert-manager/cert-manager.io/v1/ClusterIssuer',
    'IClusterIssuer',
    false,
  ),
  'gateway.envoyproxy.io/v1alpha1/EnvoyProxy': kind(
    '@kubernetes-models/envoy-gateway/gateway.envoyproxy.io/v1alpha1/EnvoyProxy',
    'IEnvoyProxy',
  ),
  'networking.k8s.io/v1/NetworkPolicy': kind(
    'kubernetes-models/networking.k8s.io/v1/NetworkPolicy',
    'INetworkPolicy',
  ),
  // The platform layer's read-only access to the engines' objects (drift-readers.ts).
  'rbac.authorization.k8s.io/v1/ClusterRole': kind(
    'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRole',
    'IClusterRole',
    false,
  ),
  'rbac.authorization.k8s.io/v1/ClusterRoleBinding': kind(
    'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRoleBinding',
    'IClusterRoleBinding',
    false,
  ),
  // Flux (an environment whose engine is flux): @kubernetes-models/flux-cd 4.0.0, generated
  // from the controllers' Go API types (source v1, kustomize v1, helm v2, notification
  // v1beta3: the versions Flux 2.8 serves).
  ...fluxKind('kustomize.toolkit.fluxcd.io/v1', 'Kustomization', 'IKustomization'),
  ...fluxKind('helm.toolkit.fluxcd.io/v2', 'HelmRelease', 'IHelmRelease'),
  ...fluxKind('source.toolkit.fluxcd.io/v1', 'HelmRepository', 'IHelmRepository'),
  ...fluxKind('source.toolkit.fluxcd.io/v1', 'OCIRepository', 'IOCIRepository'),
  ...fluxKind('notification.toolkit.fluxcd.io/v1beta3', 'Provider', 'IProvider'),
  ...fluxKind('notification.toolkit.fluxcd.io/v1beta3', 'Alert', 'IAlert'),
};

function fluxKind(apiVersion: string, name: string, typeName: string) {
  return {
    [`${apiVersion}/${name}`]: kind(`@kubernetes-models/flux-cd/${apiVersion}/${name}`, typeName),
  };
}

export function kindKey(apiVersion: unknown, kindName: unknown): string {
  return `${String(apiVersion)}/${String(kindName)}`;
}
