/**
 * What one stack declares, read and checked once from its configuration by parseClusterConfig.
 * Every key behind these fields is documented in Pulumi.yaml.
 */
export interface ClusterConfig {
  /** The environment of libs/environments the stack's cluster belongs to (the `environment` tag). */
  readonly environment: string;
  /**
   * The stack name: the environment's name for its one cluster (`staging`, `production`), or
   * a listed cluster's `stack` (libs/environments, `Environment.clusters`).
   */
  readonly stack: string;
  /** Which cluster of its environment the stack creates, and so what it declares. */
  readonly placement: ClusterPlacement;
  /** The `project` tag on everything, and the first half of every name. */
  readonly platformName: string;
  /** `<platformName>-<stack>`: the EKS cluster's name and the prefix of every name. */
  readonly namePrefix: string;
  /** The only AWS account the stack may touch (the provider refuses any other). */
  readonly accountId: string;
  readonly region: string;
  /** `aws`, `aws-cn` or `aws-us-gov`, derived from the region. */
  readonly partition: string;
  readonly network: NetworkConfig;
  readonly cluster: EksConfig;
  readonly nodes: NodeGroupConfig;
  readonly registry: RegistryConfig;
  /** The CI system whose OIDC tokens assume the CI roles: GitHub Actions or GitLab CI. */
  readonly ci: CiConfig;
  readonly dns: DnsConfig;
  readonly stateBackend: StateBackendConfig;
}

/**
 * What a stack's cluster does in its environment (libs/environments `clusterOfStack`):
 * - `single`: the environment's one cluster (no `clusters` list): engine, add-ons and apps.
 * - `hub`: runs the environment's one Argo CD and no apps; owns the image registry and the zone;
 *   its CI roles are the environment's (infra/bootstrap deploys with them).
 * - `workload`: runs the add-ons and the apps, synced by the hub's Argo CD; reads the hub
 *   stack's outputs (its zone, its Argo CD role).
 */
export type ClusterPlacement =
  | { readonly role: 'single' }
  | {
      readonly role: 'hub';
      /** The cluster's `name` in the data. */
      readonly cluster: string;
      /**
       * The stacks of the environment's workload clusters, in the data's order: infra/bootstrap,
       * which deploys with the hub's CI roles, reads their outputs.
       */
      readonly workloadStacks: readonly string[];
    }
  | {
      readonly role: 'workload';
      /** The cluster's `name` in the data. */
      readonly cluster: string;
      /** The hub cluster's stack, whose outputs this stack reads. */
      readonly hubStack: string;
    };

export type ClusterRoleName = ClusterPlacement['role'];

export const NAT_GATEWAY_MODES = ['single', 'per-zone'] as const;
export type NatGatewayMode = (typeof NAT_GATEWAY_MODES)[number];

export interface NetworkConfig {
  readonly cidrBlock: string;
  /** At least two; the first hosts the NAT gateway when there is a single one. */
  readonly availabilityZones: readonly string[];
  readonly natGateways: NatGatewayMode;
}

/**
 * The oldest Kubernetes minor version in EKS standard support when this was written:
 * standard support for 1.34 ends on 2 December 2026. Raise it as versions leave standard support.
 */
export const MINIMUM_KUBERNETES_MINOR = 35;
export const CONTROL_PLANE_LOG_TYPES = [
  'api',
  'audit',
  'authenticator',
  'controllerManager',
  'scheduler',
] as const;
export type ControlPlaneLogType = (typeof CONTROL_PLANE_LOG_TYPES)[number];

export interface EksConfig {
  /** The EKS cluster's physical name (also in the subnet tags): the stack's name prefix. */
  readonly name: string;
  /** `1.<minor>`, at least `1.35`. */
  readonly kubernetesVersion: string;
  /** Who may reach the public API endpoint; empty turns the public endpoint off. */
  readonly publicAccessCidrs: readonly string[];
  readonly logTypes: readonly ControlPlaneLogType[];
  readonly logRetentionDays: number;
  /** IAM principals given cluster-admin through access entries (besides the creator). */
  readonly adminPrincipalArns: readonly string[];
  readonly deletionProtection: boolean;
}

export const NODE_AMI_TYPES = [
  'AL2023_x86_64_STANDARD',
  'AL2023_ARM_64_STANDARD',
  'BOTTLEROCKET_x86_64',
  'BOTTLEROCKET_ARM_64',
] as const;
export type NodeAmiType = (typeof NODE_AMI_TYPES)[number];

export interface NodeGroupConfig {
  readonly instanceTypes: readonly string[];
  readonly minSize: number;
  readonly desiredSize: number;
  readonly maxSize: number;
  readonly amiType: NodeAmiType;
  readonly diskSizeGib: number;
  /** 1 keeps pods off the node's instance metadata (and its role); 2 lets them reach it. */
  readonly imdsHopLimit: 1 | 2;
}

export interface RegistryConfig {
  /** Every app's repository is `<repositoryPrefix>/<app>`, created by its first push. */
  readonly repositoryPrefix: string;
  /** `<account>.dkr.ecr.<region>.<domain>/<repositoryPrefix>`: the environment's `imageRegistry`. */
  readonly url: string;
  readonly keepLastImages: number;
  /** Other AWS accounts (production's, when it pulls the images staging built) that may pull. */
  readonly pullAccountIds: readonly string[];
}

export const CI_PROVIDERS = ['github', 'gitlab'] as const;
export type CiProvider = (typeof CI_PROVIDERS)[number];

/** One stack trusts one CI system (`ciProvider`); the CI roles are `<prefix>-<provider>-*`. */
export type CiConfig = GithubConfig | GitlabConfig;

export interface GithubConfig {
  readonly provider: 'github';
  /** `owner/repository`: the only repository whose workflows may assume the CI roles. */
  readonly repository: string;
  /** The deploy branch (`ref:refs/heads/<branch>`): every role with write power requires it. */
  readonly branch: string;
  /** `repo:<owner>/<repo>` (or with immutable IDs): how the repository's OIDC subjects start. */
  readonly subjectRepo: string;
  /** Whether the deploy role is a cluster admin (infra/bootstrap deploys Argo CD with it). */
  readonly deployClusterAdmin: boolean;
  /** Whether pull-request workflows get the read-only preview role. */
  readonly pullRequests: boolean;
  /** Protected GitHub environments whose jobs on the branch deploy; at least one. */
  readonly environments: readonly string[];
  /** An existing token.actions.githubusercontent.com provider; unset creates one. */
  readonly oidcProviderArn: string | undefined;
}

export interface GitlabConfig {
  readonly provider: 'gitlab';
  /** The GitLab instance, `gitlab.com` or a self-managed host: the OIDC issuer `https://<host>`. */
  readonly host: string;
  /** `group[/subgroup…]/project`: the only project whose pipelines may assume the CI roles. */
  readonly project: string;
  /** The protected deploy branch (`ref_type:branch:ref:<branch>`): every role with write power requires it. */
  readonly branch: string;
  /** Whether the deploy role is a cluster admin (infra/bootstrap deploys Argo CD with it). */
  readonly deployClusterAdmin: boolean;
  /** Whether merge-request pipelines (of the project's own branches) get the read-only preview role. */
  readonly mergeRequests: boolean;
  /** An existing OIDC provider of `https://<host>`; unset creates one. */
  readonly oidcProviderArn: string | undefined;
}

/** The environment's public DNS zone, where cert-manager and external-dns write records. */
export interface DnsConfig {
  /** The zone's name: the environment's `gateway.domain` in libs/environments. */
  readonly domain: string;
  /**
   * An existing public hosted zone of that name to use; unset, the stack creates the zone.
   * Always unset on a workload cluster's stack: it uses the hub stack's zone.
   */
  readonly hostedZoneId: string | undefined;
}

/** The self-managed Pulumi backend the CI roles need, when it lives in this AWS account. */
export interface StateBackendConfig {
  readonly bucket: string | undefined;
  /** infra-cluster's `awskms://` key: previews may decrypt with it. */
  readonly secretsKeyArn: string | undefined;
  /** infra-bootstrap's `awskms://` key: only the deploy role may decrypt with it. */
  readonly bootstrapSecretsKeyArn: string | undefined;
}
