import * as aws from '@pulumi/aws';
import type * as pulumi from '@pulumi/pulumi';
import { clusterTag, commonTags, createAwsProvider } from './aws-provider.js';
import { AddonIdentities } from './addons/addon-identities.js';
import { CiAccess } from './ci/ci-access.js';
import { scopedArn } from './ci/deploy-scope.js';
import { accessEntryKey } from './cluster/access-entries.js';
import { EksCluster } from './cluster/eks-cluster.js';
import { NodeGroup } from './cluster/node-group.js';
import type { ClusterConfig } from './config/cluster-config.js';
import { HostedZone } from './dns/hosted-zone.js';
import { Vpc } from './network/vpc.js';
import { ImageRegistry } from './registry/image-registry.js';
import { ArgocdHubIdentity } from './argocd/argocd-hub-identity.js';
import { readHubStack } from './argocd/hub-stack-reference.js';

/**
 * The stack outputs; infra/bootstrap reads them through a StackReference, and a workload
 * cluster's stack reads its hub's. Which a stack has depends on its role (ClusterPlacement):
 * - every stack: the cluster (name, endpoint, CA, kubeconfig, OIDC provider) and CI's roles;
 * - single and hub stacks: `imageRegistry`, `hostedZoneId`, `nameServers` (they own both);
 * - hub stacks: `argocdHubRoleArn`, `natPublicIps`;
 * - workload stacks: neither registry nor zone (the hub stack's serve them).
 */
export interface ClusterOutputs {
  readonly clusterName: pulumi.Output<string>;
  readonly clusterEndpoint: pulumi.Output<string>;
  /** The API server's CA bundle, base64 (EKS `certificateAuthority.data`): an Argo CD cluster Secret's `caData`. */
  readonly clusterCertificateAuthority: pulumi.Output<string>;
  /** Secret: a kubeconfig (JSON) that authenticates with `aws eks get-token`. */
  readonly kubeconfig: pulumi.Output<string>;
  /** The cluster's IAM OIDC provider, for workload identity (IRSA) roles. */
  readonly oidcProviderArn: pulumi.Output<string>;
  /**
   * Where releases push: `<registry>/<prefix>`; an app's repository is `<imageRegistry>/<app>`.
   * Single and hub stacks only.
   */
  readonly imageRegistry?: string;
  /** The role CI deploys with (jobs of the protected environments on the deploy branch). */
  readonly ciRoleArn: pulumi.Output<string>;
  /**
   * The role image builds push with (jobs on the deploy branch): push only. Single and hub
   * stacks only: a workload stack holds no registry.
   */
  readonly ciPushRoleArn?: pulumi.Output<string>;
  /** The read-only role pull requests and the drift check preview with. */
  readonly ciPreviewRoleArn: pulumi.Output<string>;
  /**
   * The environment's public Route 53 zone (created here, or the adopted `hostedZoneId`).
   * Single and hub stacks only: a workload stack reads its hub's.
   */
  readonly hostedZoneId?: pulumi.Output<string>;
  /** The zone's name servers: the NS records of the domain in its parent zone (README). */
  readonly nameServers?: pulumi.Output<string[]>;
  /** Hub stacks only: the role the hub's Argo CD reaches the workload clusters as. */
  readonly argocdHubRoleArn?: pulumi.Output<string>;
  /**
   * Hub stacks only: its NAT gateways' Elastic IPs, where its Argo CD leaves the VPC; a workload
   * stack admits them (/32) to its cluster's public API endpoint.
   */
  readonly natPublicIps?: pulumi.Output<string[]>;
}

/**
 * Declares the AWS platform of one cluster from its checked configuration: the network, CI's
 * access (GitHub Actions or GitLab CI), the EKS cluster and its nodes, its add-ons, and by role
 * (ClusterPlacement): the image repositories and the environment's DNS zone (single and hub),
 * the add-ons' Pod Identity roles (single and workload: a hub runs no add-ons), the Argo CD
 * hub's identity (hub), the hub's access to the cluster (workload: an access entry, and its
 * NAT addresses admitted to the public API endpoint). Every resource goes through
 * one provider that tags it and is pinned to the stack's account.
 */
export function defineCluster(config: ClusterConfig): ClusterOutputs {
  const provider = createAwsProvider(config);
  const opts = { providers: { aws: provider } };
  const prefix = config.namePrefix;
  const { placement } = config;
  // A workload cluster's stack uses what its hub's stack made: the zone, the Argo CD role.
  const hub =
    placement.role === 'workload' ? readHubStack(`${prefix}-hub`, placement.hubStack) : undefined;

  const network = new Vpc(
    `${prefix}-network`,
    {
      cidrBlock: config.network.cidrBlock,
      availabilityZones: config.network.availabilityZones,
      natGateways: config.network.natGateways,
      clusterName: config.cluster.name,
    },
    opts,
  );
  // The environment's images live in the registry of its single or hub stack; workload
  // clusters (same account) pull from it across regions with their node role.
  if (placement.role !== 'workload') {
    new ImageRegistry(
      `${prefix}-images`,
      {
        prefix: config.registry.repositoryPrefix,
        keepLastImages: config.registry.keepLastImages,
        pullAccountIds: config.registry.pullAccountIds,
        partition: config.partition,
      },
      opts,
    );
  }
  // On a workload stack, the hub's zone adopted by id: the lookup also checks it is the
  // environment's domain, and the add-ons' policies and the boundary name its ARN.
  const zone = new HostedZone(
    `${prefix}-dns`,
    {
      domain: config.dns.domain,
      hostedZoneId: hub ? hub.hostedZoneId : config.dns.hostedZoneId,
      partition: config.partition,
    },
    opts,
  );
  // `<prefix>-github` on GitHub stacks: the name their resources' URNs already carry.
  const ci = new CiAccess(
    `${prefix}-${config.ci.provider}`,
    {
      ci: config.ci,
      scope: {
        partition: config.partition,
        region: config.region,
        accountId: config.accountId,
        namePrefix: prefix,
        clusterName: config.cluster.name,
        tags: {
          environment: config.environment,
          project: config.platformName,
          ...clusterTag(config),
        },
        // A workload stack never creates the zone: its deploy role gets no CreateHostedZone.
        managesHostedZone: hub === undefined && config.dns.hostedZoneId === undefined,
        ...(placement.role === 'hub' ? { argocdHub: true } : {}),
      },
      repositoryPrefix: config.registry.repositoryPrefix,
      holdsRegistry: placement.role !== 'workload',
      zoneArn: zone.zoneArn,
      stateBackend: config.stateBackend,
      state: {
        stack: config.stack,
        referencedStacks: placement.role === 'workload' ? [placement.hubStack] : [],
        // infra/bootstrap deploys with the hub's roles: its stack is named after the environment.
        ...(placement.role === 'hub'
          ? {
              bootstrap: {
                stack: config.environment,
                readsClusterStacks: placement.workloadStacks,
              },
            }
          : {}),
      },
    },
    opts,
  );
  const cluster = new EksCluster(
    `${prefix}-cluster`,
    {
      clusterName: config.cluster.name,
      kubernetesVersion: config.cluster.kubernetesVersion,
      vpcId: network.vpcId,
      privateSubnetIds: network.privateSubnetIds,
      publicAccessCidrs: config.cluster.publicAccessCidrs,
      // No peering (every VPC may be 10.0.0.0/16): the hub's Argo CD comes in over the public
      // endpoint, from its NAT gateways' addresses only; the access entry still decides.
      ...(hub ? { hubEgressIps: hub.natPublicIps } : {}),
      logTypes: config.cluster.logTypes,
      logRetentionDays: config.cluster.logRetentionDays,
      admins: {
        ...Object.fromEntries(
          config.cluster.adminPrincipalArns.map((arn) => [accessEntryKey(arn), arn]),
        ),
        // The entry depends on the role, so the role exists before EKS checks the principal.
        ...(config.ci.deployClusterAdmin
          ? { [`${config.ci.provider}-deploy`]: ci.deployRoleArn }
          : {}),
        // The hub's Argo CD syncs everything a workload cluster runs: the add-ons' CRDs,
        // Namespaces, ClusterRoles and their bindings, webhooks, besides the apps. Those are
        // cluster-scoped, so no namespace-scoped policy would do: cluster admin, at cluster scope.
        ...(hub ? { 'argocd-hub': hub.argocdHubRoleArn } : {}),
      },
      // The scheduled drift check reads Applications, Kustomizations and HelmReleases with the
      // read-only role, and nothing else (git's RBAC for the group; no EKS access policy).
      driftReaders: { [`${config.ci.provider}-preview`]: ci.previewRoleArn },
      deletionProtection: config.cluster.deletionProtection,
      partition: config.partition,
      permissionsBoundaryArn: ci.managedRoleBoundaryArn,
    },
    opts,
  );
  const nodes = new NodeGroup(
    `${prefix}-nodes`,
    {
      cluster: cluster.cluster,
      subnetIds: network.privateSubnetIds,
      ...config.nodes,
      instanceTags: { ...commonTags(config), Name: `${prefix}-node` },
      partition: config.partition,
      permissionsBoundaryArn: ci.managedRoleBoundaryArn,
    },
    opts,
  );
  // The HorizontalPodAutoscalers the workloads render scale on CPU: they need the resource
  // metrics API. An EKS add-on, so EKS keeps it compatible across version upgrades; after the
  // nodes, since its pods must be scheduled before EKS reports it active.
  const eksAddon = (addonName: string) =>
    new aws.eks.Addon(
      `${prefix}-${addonName}`,
      {
        clusterName: cluster.clusterName,
        addonName,
        resolveConflictsOnCreate: 'OVERWRITE',
        resolveConflictsOnUpdate: 'OVERWRITE',
      },
      { provider, dependsOn: [nodes] },
    );
  eksAddon('metrics-server');
  // The agent (a DaemonSet) that hands pods their Pod Identity credentials: cert-manager's and
  // external-dns's below, or the hub's Argo CD's. Pods started before it runs get none (restart them).
  eksAddon('eks-pod-identity-agent');

  const clusterArn = scopedArn(config, 'eks', `cluster/${config.cluster.name}`);
  // A hub runs no add-ons (least privilege: no role may write the zone's records there).
  if (placement.role !== 'hub') {
    new AddonIdentities(
      `${prefix}-addons`,
      {
        namePrefix: prefix,
        partition: config.partition,
        clusterName: cluster.clusterName,
        clusterArn,
        domain: config.dns.domain,
        zoneArn: zone.zoneArn,
        permissionsBoundaryArn: ci.managedRoleBoundaryArn,
        clusterResources: [cluster.cluster],
      },
      opts,
    );
  }
  const argocdHub =
    placement.role === 'hub'
      ? new ArgocdHubIdentity(
          `${prefix}-argocd-hub`,
          {
            namePrefix: prefix,
            accountId: config.accountId,
            clusterName: cluster.clusterName,
            clusterArn,
            permissionsBoundaryArn: ci.managedRoleBoundaryArn,
            clusterResources: [cluster.cluster],
          },
          opts,
        )
      : undefined;

  return {
    clusterName: cluster.clusterName,
    clusterEndpoint: cluster.endpoint,
    clusterCertificateAuthority: cluster.certificateAuthority,
    kubeconfig: cluster.kubeconfig,
    oidcProviderArn: cluster.oidcProviderArn,
    ...(placement.role === 'workload' ? {} : { imageRegistry: config.registry.url }),
    ciRoleArn: ci.deployRoleArn,
    ...(ci.pushRoleArn ? { ciPushRoleArn: ci.pushRoleArn } : {}),
    ciPreviewRoleArn: ci.previewRoleArn,
    ...(hub ? {} : { hostedZoneId: zone.zoneId, nameServers: zone.nameServers }),
    ...(argocdHub
      ? { argocdHubRoleArn: argocdHub.roleArn, natPublicIps: network.natPublicIps }
      : {}),
  };
}
