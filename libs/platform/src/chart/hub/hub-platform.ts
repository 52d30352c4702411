import type { Environment, EnvironmentCluster, WorkspaceRepository } from '@platform/environments';
import { reservedNamespaces } from '@platform/environments';
import { argoCdApplication } from '../addon-applications.js';
import { appProjectManifest } from '../app-project.js';
import { hubApplicationSetManifest } from '../application-set.js';
import { acmeClusterIssuerManifest } from '../cluster-issuers.js';
import { driftReaderManifests } from '../drift-readers.js';
import { awsEnvoyProxyManifest } from '../envoy-proxy.js';
import { certificateManifest, gatewayClassManifest, gatewayManifest } from '../gateway.js';
import { platformNamespaceManifest, platformNamespaces } from '../namespaces.js';
import { ociRepositorySecrets } from '../oci-repositories.js';
import { platformProjectManifest } from '../platform-project.js';
import { ARGOCD_NAMESPACE, SYNC_WAVES, waveMetadata } from '../sync.js';
import { addonApplicationSets } from './addon-application-sets.js';
import { workloadClusterDestination } from './workload-clusters.js';
import {
  workloadPlatformApplicationSet,
  workloadPlatformProjectManifest,
} from './workload-platform.js';

/** An object of a hub's platform layer: in `_platform/` (the hub's) or `workloads/` (every spoke's). */
export interface HubPlatformObject {
  readonly workloads: boolean;
  readonly object: {
    readonly apiVersion: string;
    readonly kind: string;
    readonly metadata: { readonly name: string; readonly namespace?: string };
  };
}

export interface HubPlatformInput {
  readonly environment: Environment;
  readonly repository: WorkspaceRepository;
  readonly workloads: readonly EnvironmentCluster[];
  /** @default reservedNamespaces([environment]) */
  readonly reservedNamespaces?: readonly string[];
}

/** The controller's namespace in each workload cluster; infra/bootstrap makes the hub's. */
const SEALED_SECRETS_NAMESPACE = 'sealed-secrets';

/**
 * The platform layer of a hub-and-spoke environment. The hub runs Argo CD and nothing else:
 * its `_platform/` holds Argo CD's own Application, the AppProjects, the OCI repository
 * declarations, the drift readers' RBAC (the Applications the drift check reads live here) and
 * the ApplicationSets that reach the workload clusters through their cluster Secrets: one per
 * add-on, one for `workloads/` (each spoke's Namespaces, GatewayClass, Gateway, certificate,
 * issuer) and the apps' matrix. Every workload cluster is on EKS (its credentials are IAM's),
 * so `workloads/` holds the AWS objects, with no `local/` stand-ins.
 */
export function hubPlatformObjects(input: HubPlatformInput): HubPlatformObject[] {
  const { environment, repository } = input;
  const env = environment.name;
  const clusters = workloadClusterDestination(env);
  const namespaces = platformNamespaces(environment.gateway.namespace);
  const workloadNamespaces = [...namespaces.common, ...namespaces.aws];
  const workloads = [
    ...workloadNamespaces.map((name) => platformNamespaceManifest(name, env)),
    // Its sealing keys live here: never pruned, never deleted with the Application.
    platformNamespaceManifest(SEALED_SECRETS_NAMESPACE, env, ['Prune=false', 'Delete=false']),
    gatewayClassManifest(environment),
    awsEnvoyProxyManifest(environment),
    certificateManifest(environment),
    gatewayManifest(environment),
    acmeClusterIssuerManifest(environment),
  ];
  const project = appProjectManifest({
    environment: env,
    repoUrl: repository.url,
    reservedNamespaces: input.reservedNamespaces ?? reservedNamespaces([environment]),
    clusters,
  });
  const hub = [
    platformProjectManifest({
      environment: env,
      namespaces: [ARGOCD_NAMESPACE],
      workloadClusters: {
        ...clusters,
        namespaces: [SEALED_SECRETS_NAMESPACE, ...workloadNamespaces],
      },
    }),
    workloadPlatformProjectManifest({
      environment: env,
      repoUrl: repository.url,
      clusters,
      objects: workloads,
    }),
    project,
    ...ociRepositorySecrets(env),
    ...driftReaderManifests(env).map((object) => ({
      ...object,
      metadata: waveMetadata(object.metadata.name, env, SYNC_WAVES.foundation),
    })),
    argoCdApplication(environment),
    ...addonApplicationSets(environment),
    workloadPlatformApplicationSet({
      environment: env,
      repoUrl: repository.url,
      revision: repository.revision,
      namespace: environment.gateway.namespace,
    }),
    hubApplicationSetManifest({
      environment: env,
      project: project.metadata.name,
      repoUrl: repository.url,
      revision: repository.revision,
      workloads: input.workloads,
    }),
  ];
  return [
    ...hub.map((object) => ({ workloads: false, object })),
    ...workloads.map((object) => ({ workloads: true, object })),
  ];
}
