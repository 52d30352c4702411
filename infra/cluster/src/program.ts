import * as aws from '@pulumi/aws';
import type * as pulumi from '@pulumi/pulumi';
import { commonTags, createAwsProvider } from './aws-provider.js';
import { AddonIdentities } from './addons/addon-identities.js';
import { GithubActionsAccess } from './ci/github-actions-access.js';
import { scopedArn } from './ci/deploy-scope.js';
import { accessEntryKey } from './cluster/access-entries.js';
import { EksCluster } from './cluster/eks-cluster.js';
import { NodeGroup } from './cluster/node-group.js';
import type { ClusterConfig } from './config/cluster-config.js';
import { HostedZone } from './dns/hosted-zone.js';
import { Vpc } from './network/vpc.js';
import { ImageRegistry } from './registry/image-registry.js';

/** The stack outputs; infra/bootstrap reads them through a StackReference. */
export interface ClusterOutputs {
  readonly clusterName: pulumi.Output<string>;
  readonly clusterEndpoint: pulumi.Output<string>;
  /** Secret: a kubeconfig (JSON) that authenticates with `aws eks get-token`. */
  readonly kubeconfig: pulumi.Output<string>;
  /** The cluster's IAM OIDC provider, for workload identity (IRSA) roles. */
  readonly oidcProviderArn: pulumi.Output<string>;
  /** Where releases push: `<registry>/<prefix>`; an app's repository is `<imageRegistry>/<app>`. */
  readonly imageRegistry: string;
  /** The role CI deploys with (jobs of the protected environments on the deploy branch). */
  readonly ciRoleArn: pulumi.Output<string>;
  /** The role image builds push with (jobs on the deploy branch): push only. */
  readonly ciPushRoleArn: pulumi.Output<string>;
  /** The read-only role pull requests and the drift check preview with. */
  readonly ciPreviewRoleArn: pulumi.Output<string>;
  /** The environment's public Route 53 zone (created here, or the adopted `hostedZoneId`). */
  readonly hostedZoneId: pulumi.Output<string>;
  /** The zone's name servers: the NS records of the domain in its parent zone (README). */
  readonly nameServers: pulumi.Output<string[]>;
}

/**
 * Declares the AWS platform of one environment from its checked configuration: the network,
 * the image repositories, GitHub Actions' access, the EKS cluster and its nodes, its add-ons,
 * the environment's DNS zone and the add-ons' Pod Identity roles. Every
 * resource goes through one provider that tags it and is pinned to the stack's account.
 */
export function defineCluster(config: ClusterConfig): ClusterOutputs {
  const provider = createAwsProvider(config);
  const opts = { providers: { aws: provider } };
  const prefix = config.namePrefix;

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
  const zone = new HostedZone(
    `${prefix}-dns`,
    {
      domain: config.dns.domain,
      hostedZoneId: config.dns.hostedZoneId,
      partition: config.partition,
    },
    opts,
  );
  const ci = new GithubActionsAccess(
    `${prefix}-github`,
    {
      github: config.github,
      scope: {
        partition: config.partition,
        region: config.region,
        accountId: config.accountId,
        namePrefix: prefix,
        clusterName: config.cluster.name,
        tags: { environment: config.environment, project: config.platformName },
        managesHostedZone: config.dns.hostedZoneId === undefined,
      },
      repositoryPrefix: config.registry.repositoryPrefix,
      zoneArn: zone.zoneArn,
      stateBackend: config.stateBackend,
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
      logTypes: config.cluster.logTypes,
      logRetentionDays: config.cluster.logRetentionDays,
      admins: {
        ...Object.fromEntries(
          config.cluster.adminPrincipalArns.map((arn) => [accessEntryKey(arn), arn]),
        ),
        // The entry depends on the role, so the role exists before EKS checks the principal.
        ...(config.github.deployClusterAdmin ? { 'github-deploy': ci.deployRoleArn } : {}),
      },
      // The scheduled drift check reads Applications, Kustomizations and HelmReleases with the
      // read-only role, and nothing else (git's RBAC for the group; no EKS access policy).
      driftReaders: { 'github-preview': ci.previewRoleArn },
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
  // external-dns's below. Pods started before it runs get none (restart them).
  eksAddon('eks-pod-identity-agent');

  new AddonIdentities(
    `${prefix}-addons`,
    {
      namePrefix: prefix,
      partition: config.partition,
      clusterName: cluster.clusterName,
      clusterArn: scopedArn(config, 'eks', `cluster/${config.cluster.name}`),
      domain: config.dns.domain,
      zoneArn: zone.zoneArn,
      permissionsBoundaryArn: ci.managedRoleBoundaryArn,
      clusterResources: [cluster.cluster],
    },
    opts,
  );

  return {
    clusterName: cluster.clusterName,
    clusterEndpoint: cluster.endpoint,
    kubeconfig: cluster.kubeconfig,
    oidcProviderArn: cluster.oidcProviderArn,
    imageRegistry: config.registry.url,
    ciRoleArn: ci.deployRoleArn,
    ciPushRoleArn: ci.pushRoleArn,
    ciPreviewRoleArn: ci.previewRoleArn,
    hostedZoneId: zone.zoneId,
    nameServers: zone.nameServers,
  };
}
