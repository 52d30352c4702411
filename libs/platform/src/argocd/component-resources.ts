/** CPU in millicores and memory in MiB, requested and capped. */
export interface ResourceBudget {
  readonly cpuMillis: { readonly request: number; readonly limit: number };
  readonly memoryMebibytes: { readonly request: number; readonly limit: number };
}

/** The `resources` block of a container, as Kubernetes and every Helm chart spell it. */
export interface KubernetesResources {
  readonly requests: { readonly cpu: string; readonly memory: string };
  readonly limits: { readonly cpu: string; readonly memory: string };
}

/**
 * What each component gets, per replica, chosen for a cluster of tens of apps rendered to plain
 * YAML (no Helm or Kustomize in the repo server, so it stays small). Memory limits leave room
 * for a burst of syncs; the controller, which caches every live object, gets the most. Raise the
 * controller and repo server first when `argocd_app_reconcile` grows.
 */
export const COMPONENT_RESOURCES = {
  controller: budget([250, 1000], [512, 1024]),
  server: budget([50, 500], [128, 256]),
  repoServer: budget([100, 1000], [256, 512]),
  applicationSet: budget([50, 250], [64, 128]),
  redis: budget([50, 200], [64, 128]),
  redisHaServer: budget([100, 500], [128, 256]),
  redisHaSentinel: budget([25, 100], [32, 64]),
  redisHaProxy: budget([50, 200], [64, 128]),
  /** redis-ha's split-brain-fix sidecar, and its config-init and HAProxy's init containers. */
  redisHaSplitBrainFix: budget([10, 100], [32, 64]),
  redisHaInit: budget([10, 100], [32, 64]),
  redisSecretInit: budget([10, 100], [32, 64]),
  sealedSecretsController: budget([50, 200], [64, 128]),
  /** The add-ons' controllers: small, steady reconcilers of a few hundred objects each. */
  certManagerController: budget([50, 500], [128, 256]),
  certManagerWebhook: budget([25, 200], [32, 64]),
  certManagerCainjector: budget([25, 200], [128, 256]),
  envoyGatewayController: budget([100, 500], [256, 1024]),
  externalDns: budget([25, 200], [64, 128]),
  /** Flux's controllers, in an environment on Flux (the kustomize and helm controllers build and apply). */
  fluxSourceController: budget([50, 500], [64, 256]),
  fluxKustomizeController: budget([100, 1000], [128, 512]),
  fluxHelmController: budget([100, 1000], [128, 512]),
  fluxNotificationController: budget([25, 200], [32, 128]),
} as const satisfies Record<string, ResourceBudget>;

export type Component = keyof typeof COMPONENT_RESOURCES;

export function resourcesOf(component: Component): KubernetesResources {
  const { cpuMillis, memoryMebibytes } = COMPONENT_RESOURCES[component];
  return {
    requests: { cpu: `${cpuMillis.request}m`, memory: `${memoryMebibytes.request}Mi` },
    limits: { cpu: `${cpuMillis.limit}m`, memory: `${memoryMebibytes.limit}Mi` },
  };
}

function budget(cpu: [number, number], memory: [number, number]): ResourceBudget {
  return {
    cpuMillis: { request: cpu[0], limit: cpu[1] },
    memoryMebibytes: { request: memory[0], limit: memory[1] },
  };
}
