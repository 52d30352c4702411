import {
  workspaceRepository,
  type Environment,
  type WorkspaceRepository,
} from '@platform/environments';
import { awsAddons, commonAddons } from '../addons.js';
import {
  acmeClusterIssuerManifest,
  selfSignedClusterIssuerManifest,
} from '../chart/cluster-issuers.js';
import { awsEnvoyProxyManifest, localEnvoyProxyManifest } from '../chart/envoy-proxy.js';
import { certificateManifest, gatewayClassManifest, gatewayManifest } from '../chart/gateway.js';
import { driftReaderManifests } from '../chart/drift-readers.js';
import { RESTRICTED_LABELS, platformNamespaces } from '../chart/namespaces.js';
import { platformLabels } from '../chart/sync.js';
import { AWS_ADDONS_DIRECTORY, LOCAL_ADDONS_DIRECTORY, platformPath } from '../layout.js';
import {
  FLUX_ADDONS_DIRECTORY,
  FLUX_ADDONS_KUSTOMIZATION,
  FLUX_CONFIG_DIRECTORY,
  FLUX_CONFIG_KUSTOMIZATION,
  FLUX_SYNC_DIRECTORY,
} from './flux-layout.js';
import { fluxKustomization } from './flux-kustomizations.js';
import { addonObjects } from './helm-releases.js';
import { commitStatusNotifications } from './notifications.js';

export interface FluxPlatformProps {
  readonly environment: Environment;
  /** The apps deployed in the environment (those with an image there): one Kustomization each. */
  readonly apps: readonly string[];
  /** The repository the Provider reports commit statuses to. @default workspaceRepository */
  readonly repository?: WorkspaceRepository;
}

/** One object of the Flux platform layer and its directory under `_platform/`. */
export interface FluxPlatformFile {
  readonly directory: string;
  readonly object: Record<string, unknown>;
}

/** The cluster kinds, each with a directory whose kustomization.yaml is the root's path. */
const CLUSTER_KINDS = [AWS_ADDONS_DIRECTORY, LOCAL_ADDONS_DIRECTORY] as const;

/**
 * The kustomize bases of the directories under `_platform/` that build on others: a cluster
 * kind's directory on `sync/` (the apps' Kustomizations, the notifications), its `addons/` and
 * `config/` on the shared ones. Every other directory lists only its own files.
 */
export const FLUX_KUSTOMIZE_BASES: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  CLUSTER_KINDS.flatMap((kind) => [
    [kind, [`../${FLUX_SYNC_DIRECTORY}`]],
    [`${kind}/${FLUX_ADDONS_DIRECTORY}`, [`../../${FLUX_ADDONS_DIRECTORY}`]],
    [`${kind}/${FLUX_CONFIG_DIRECTORY}`, [`../../${FLUX_CONFIG_DIRECTORY}`]],
  ]),
);

/**
 * `manifests/<env>/_platform/` of an environment whose engine is Flux. infra/bootstrap's root
 * Kustomization builds `_platform/aws/` on EKS or `_platform/local/` on kind; each holds the
 * two Kustomizations of the layer and, through its base `sync/`, one Kustomization per app:
 * - `platform-addons` (`<kind>/addons/`: the namespaces, the chart sources and the
 *   HelmReleases, the same pins and values as the Argo CD layer), waited on;
 * - `platform-config` (`<kind>/config/`: GatewayClass, EnvoyProxy, ClusterIssuer, Certificate,
 *   Gateway), after the add-ons whose CRDs they need;
 * - `<env>-<app>` per app directory, after the add-ons (their routes need the Gateway API
 *   CRDs; never after the certificate, whose first issuance must not hold back a deploy).
 * No Argo CD object, and no Argo CD annotation on the objects shared with its layer.
 */
export function fluxPlatformFiles(props: FluxPlatformProps): FluxPlatformFile[] {
  const { environment } = props;
  const env = environment.name;
  const repository = props.repository ?? workspaceRepository;
  const namespaces = platformNamespaces(environment.gateway.namespace);
  const namespace = (name: string) => ({
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name, labels: { ...platformLabels(env), ...RESTRICTED_LABELS } },
  });
  const common = commonAddons();
  const crdAddons = common.filter((addon) => addon.stage === 'crds').map((addon) => addon.name);
  const files: FluxPlatformFile[] = [];
  const add = (directory: string, objects: readonly object[]) =>
    objects.forEach((object) =>
      files.push({ directory, object: withoutArgoCd(object as Record<string, unknown>) }),
    );

  add(
    FLUX_SYNC_DIRECTORY,
    props.apps.map((app) =>
      fluxKustomization({
        name: `${env}-${app}`,
        path: `manifests/${env}/${app}`,
        dependsOn: [FLUX_ADDONS_KUSTOMIZATION],
        timeout: '5m',
      }),
    ),
  );
  add(FLUX_SYNC_DIRECTORY, commitStatusNotifications(repository.url));
  add(FLUX_ADDONS_DIRECTORY, driftReaderManifests(env));
  add(FLUX_ADDONS_DIRECTORY, [
    ...namespaces.common.map(namespace),
    ...addonObjects(common, crdAddons),
  ]);
  add(FLUX_CONFIG_DIRECTORY, [
    gatewayClassManifest(environment),
    certificateManifest(environment),
    gatewayManifest(environment),
  ]);
  for (const kind of CLUSTER_KINDS) {
    add(kind, [
      fluxKustomization({
        name: FLUX_ADDONS_KUSTOMIZATION,
        path: `${platformPath(env)}/${kind}/${FLUX_ADDONS_DIRECTORY}`,
        timeout: '15m',
      }),
      fluxKustomization({
        name: FLUX_CONFIG_KUSTOMIZATION,
        path: `${platformPath(env)}/${kind}/${FLUX_CONFIG_DIRECTORY}`,
        dependsOn: [FLUX_ADDONS_KUSTOMIZATION],
        timeout: '15m',
      }),
    ]);
  }
  add(`${AWS_ADDONS_DIRECTORY}/${FLUX_ADDONS_DIRECTORY}`, [
    ...namespaces.aws.map(namespace),
    ...addonObjects(awsAddons(environment), crdAddons),
  ]);
  add(`${AWS_ADDONS_DIRECTORY}/${FLUX_CONFIG_DIRECTORY}`, [
    acmeClusterIssuerManifest(environment),
    awsEnvoyProxyManifest(environment),
  ]);
  add(`${LOCAL_ADDONS_DIRECTORY}/${FLUX_CONFIG_DIRECTORY}`, [
    selfSignedClusterIssuerManifest(environment),
    localEnvoyProxyManifest(environment),
  ]);
  return files;
}

/** The object without Argo CD's annotations (sync waves, sync options), which Flux ignores. */
function withoutArgoCd(object: Record<string, unknown>): Record<string, unknown> {
  const metadata = (object['metadata'] ?? {}) as Record<string, unknown>;
  const annotations = Object.entries(
    (metadata['annotations'] ?? {}) as Record<string, string>,
  ).filter(([key]) => !key.startsWith('argocd.argoproj.io/'));
  const rest = Object.fromEntries(
    Object.entries(metadata).filter(([key]) => key !== 'annotations'),
  );
  return {
    ...object,
    metadata:
      annotations.length > 0 ? { ...rest, annotations: Object.fromEntries(annotations) } : rest,
  };
}
