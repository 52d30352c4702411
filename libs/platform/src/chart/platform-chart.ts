import {
  clusterTopology,
  reservedNamespaces,
  workspaceRepository,
  type Environment,
  type WorkspaceRepository,
} from '@platform/environments';
import { ApiObject, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import {
  AWS_ADDONS_DIRECTORY,
  LOCAL_ADDONS_DIRECTORY,
  WORKLOAD_PLATFORM_DIRECTORY,
} from '../layout.js';
import { awsAddonApplications, commonAddonApplications } from './addon-applications.js';
import { appProjectManifest } from './app-project.js';
import { applicationSetManifest } from './application-set.js';
import { acmeClusterIssuerManifest, selfSignedClusterIssuerManifest } from './cluster-issuers.js';
import { driftReaderManifests } from './drift-readers.js';
import { hubPlatformObjects } from './hub/hub-platform.js';
import { awsEnvoyProxyManifest, localEnvoyProxyManifest } from './envoy-proxy.js';
import { certificateManifest, gatewayClassManifest, gatewayManifest } from './gateway.js';
import {
  BOOTSTRAP_NAMESPACES,
  platformNamespaceManifest,
  platformNamespaces,
} from './namespaces.js';
import { ociRepositorySecrets } from './oci-repositories.js';
import { platformProjectManifest } from './platform-project.js';
import { SYNC_WAVES, waveMetadata } from './sync.js';

export interface PlatformChartProps {
  readonly environment: Environment;
  /** The repository the AppProjects and the apps' ApplicationSet point at. @default workspaceRepository */
  readonly repository?: WorkspaceRepository;
  /**
   * The namespaces no app may deploy into (the apps' AppProject denies them).
   * @default reservedNamespaces([environment])
   */
  readonly reservedNamespaces?: readonly string[];
}

/** Where an object of the chart is written: `_platform/`, or its `aws/` or `local/` subdirectory. */
export type PlatformDirectory =
  | typeof AWS_ADDONS_DIRECTORY
  | typeof LOCAL_ADDONS_DIRECTORY
  | typeof WORKLOAD_PLATFORM_DIRECTORY
  | undefined;

/**
 * Everything of `manifests/<env>/_platform/`: what the root Application (infra/bootstrap's)
 * syncs. The objects every cluster needs are the chart's own; those only a cluster on AWS runs
 * are under the construct `aws`, their stand-ins on kind under `local` (the root Application
 * includes one of the two subdirectories).
 */
export class PlatformChart extends Chart {
  private readonly aws: Construct;
  private readonly local: Construct;
  /** A hub's `workloads/`: what every workload cluster gets (unset in a single cluster). */
  private workloads: Construct | undefined;

  constructor(scope: Construct, id: string, props: PlatformChartProps) {
    super(scope, id, { disableResourceNameHashes: true });
    const { environment } = props;
    const repository = props.repository ?? workspaceRepository;
    const env = environment.name;
    this.aws = new Construct(this, AWS_ADDONS_DIRECTORY);
    this.local = new Construct(this, LOCAL_ADDONS_DIRECTORY);
    const namespaces = platformNamespaces(environment.gateway.namespace);
    const add = (parent: Construct, object: { kind: string; metadata: { name: string } }) =>
      new ApiObject(parent, `${object.kind}-${object.metadata.name}`, object as never);
    const namespace = (name: string) => platformNamespaceManifest(name, env);

    const topology = clusterTopology(environment);
    if (topology.kind === 'hub-and-spoke') {
      const spokes = new Construct(this, WORKLOAD_PLATFORM_DIRECTORY);
      this.workloads = spokes;
      hubPlatformObjects({
        environment,
        repository,
        workloads: topology.workloads,
        ...(props.reservedNamespaces ? { reservedNamespaces: props.reservedNamespaces } : {}),
      }).forEach(({ workloads, object }) => add(workloads ? spokes : this, object));
      return;
    }
    namespaces.common.forEach((name) => add(this, namespace(name)));
    namespaces.aws.forEach((name) => add(this.aws, namespace(name)));
    add(
      this,
      platformProjectManifest({
        environment: env,
        namespaces: [...BOOTSTRAP_NAMESPACES, ...namespaces.common, ...namespaces.aws],
      }),
    );
    const project = appProjectManifest({
      environment: env,
      repoUrl: repository.url,
      reservedNamespaces: props.reservedNamespaces ?? reservedNamespaces([environment]),
    });
    add(this, project);
    ociRepositorySecrets(env).forEach((secret) => add(this, secret));
    driftReaderManifests(env).forEach((object) =>
      add(this, {
        ...object,
        metadata: waveMetadata(object.metadata.name, env, SYNC_WAVES.foundation),
      }),
    );
    commonAddonApplications(environment).forEach((application) => add(this, application));
    awsAddonApplications(environment).forEach((application) => add(this.aws, application));
    add(this, gatewayClassManifest(environment));
    add(this.aws, awsEnvoyProxyManifest(environment));
    add(this.local, localEnvoyProxyManifest(environment));
    add(this, certificateManifest(environment));
    add(this, gatewayManifest(environment));
    add(this.aws, acmeClusterIssuerManifest(environment));
    add(this.local, selfSignedClusterIssuerManifest(environment));
    add(
      this,
      applicationSetManifest({
        environment: env,
        project: project.metadata.name,
        repoUrl: repository.url,
        revision: repository.revision,
      }),
    );
  }

  /** Each object as JSON, with the directory it is written to. */
  files(): { readonly directory: PlatformDirectory; readonly object: Record<string, unknown> }[] {
    return this.node
      .findAll()
      .filter((construct): construct is ApiObject => construct instanceof ApiObject)
      .map((apiObject) => ({
        directory: this.directoryOf(apiObject),
        object: apiObject.toJson() as Record<string, unknown>,
      }));
  }

  private directoryOf(apiObject: ApiObject): PlatformDirectory {
    const scopes = apiObject.node.scopes;
    if (scopes.includes(this.aws)) return AWS_ADDONS_DIRECTORY;
    if (scopes.includes(this.local)) return LOCAL_ADDONS_DIRECTORY;
    if (this.workloads && scopes.includes(this.workloads)) return WORKLOAD_PLATFORM_DIRECTORY;
    return undefined;
  }
}
