import {
  clusterOfStack,
  clusterStacks,
  clusterTopology,
  workspaceEnvironments,
  type ClusterStack,
  type Environment,
} from '@platform/environments';
import { parseStackConfig, quote, type RawStackConfig } from '@platform/infra-stack-kit';
import type { z } from 'zod';
import { MAX_ZONES } from './cidr.js';
import type { CiConfig, ClusterConfig, ClusterPlacement } from './cluster-config.js';
import { clusterFields, type ClusterFields } from './cluster-fields.js';

/** The Pulumi project name: the namespace of every key this program reads. */
export const PROJECT = 'infra-cluster';

/**
 * Reads and checks a stack's configuration (as the CLI hands it over, Pulumi.yaml's defaults
 * applied) before anything is declared. Throws one StackConfigError naming every bad key and its
 * value. The stack is one libs/environments names (tests pass their own environments): an
 * environment without a `clusters` list (its one cluster), or a listed cluster's `stack`.
 */
export function parseClusterConfig(
  raw: RawStackConfig,
  stack: string,
  environments: readonly Environment[] = workspaceEnvironments,
): ClusterConfig {
  const found = clusterOfStack(environments, stack);
  const schema = clusterFields
    // The stack's own name needs no key to be valid: always checked.
    .refine(() => found !== undefined, {
      error: `${quote(stack)} is not a stack of libs/environments: neither an environment without clusters nor a listed cluster's stack (known: ${clusterStacks(environments).join(', ')})`,
      path: [],
      when: () => true,
    })
    .superRefine((v, ctx) => crossChecks(v, ctx, stack, found))
    .transform((v) => toClusterConfig(v, stack, found));
  return parseStackConfig(PROJECT, stack, schema, raw);
}

/** The checks that read more than one key; each issue names the key to change. */
function crossChecks(
  v: ClusterFields,
  ctx: z.RefinementCtx,
  stack: string,
  found: ClusterStack | undefined,
): void {
  const problem = (key: keyof ClusterFields | undefined, message: string) =>
    ctx.addIssue({ code: 'custom', message, path: key ? [key] : [] });
  // IAM role names (64 characters) are built from this prefix plus up to 32 characters.
  const namePrefix = `${v.platformName}-${stack}`;
  if (namePrefix.length > 32) {
    problem('platformName', `makes the name prefix '${namePrefix}' longer than 32`);
  }
  const zones = v.availabilityZones;
  if (zones.length < 2 || zones.length > MAX_ZONES) {
    problem(
      'availabilityZones',
      `lists ${zones.length} zone(s): EKS needs at least two, this layout at most ${MAX_ZONES}`,
    );
  }
  const outside = zones.find((zone) => !new RegExp(`^${v.region}[a-z]$`).test(zone));
  if (outside) problem('availabilityZones', `${quote(outside)} is not a zone of ${v.region}`);
  if (v.nodeMinSize > v.nodeMaxSize) {
    problem('nodeMinSize', `${v.nodeMinSize} is above ${PROJECT}:nodeMaxSize (${v.nodeMaxSize})`);
  } else if (v.nodeDesiredSize < v.nodeMinSize || v.nodeDesiredSize > v.nodeMaxSize) {
    problem('nodeDesiredSize', `${v.nodeDesiredSize} is outside ${v.nodeMinSize}–${v.nodeMaxSize}`);
  }
  if (v.pulumiBootstrapSecretsKeyArn && v.pulumiBootstrapSecretsKeyArn === v.pulumiSecretsKeyArn) {
    problem(
      'pulumiBootstrapSecretsKeyArn',
      `is the same key as ${PROJECT}:pulumiSecretsKeyArn, which previews may decrypt with: give infra-bootstrap a key of its own`,
    );
  }
  ciChecks(v, problem);
  if (found) placementChecks(v, problem, stack, found);
}

/**
 * What the stack's place in its environment requires: a listed cluster's region is the data's;
 * the stack that creates the registry (a single or hub cluster's) creates the one the
 * environment's releases push to; a workload cluster's stack owns no registry and no zone.
 */
function placementChecks(
  v: ClusterFields,
  problem: (key: keyof ClusterFields | undefined, message: string) => void,
  stack: string,
  { environment, cluster, role }: ClusterStack,
): void {
  if (cluster && v.region !== cluster.region) {
    problem(
      'region',
      `${quote(v.region)} is not the region of cluster '${cluster.name}' of environment '${environment.name}' ('${cluster.region}' in libs/environments): make them the same`,
    );
  }
  if (role === 'workload') {
    const hubOwns = (key: keyof ClusterFields, what: string) =>
      problem(
        key,
        `is set, but a workload cluster's stack ${what}: remove it (cluster '${cluster?.name ?? stack}' of environment '${environment.name}')`,
      );
    if (v.hostedZoneId !== undefined) {
      hubOwns('hostedZoneId', "uses the hub stack's zone (its hostedZoneId output)");
    }
    if (v.ecrPullAccountIds.length > 0) {
      hubOwns('ecrPullAccountIds', "creates no image registry (the hub stack's holds the images)");
    }
    return;
  }
  // Releases push where the environment data says; this stack must create that registry.
  const registry = registryOf(v, stack);
  if (environment.imageRegistry !== registry.url) {
    problem(
      undefined,
      `environment '${environment.name}' pushes its images to '${environment.imageRegistry}' (imageRegistry in libs/environments), ` +
        `but this stack's registry is '${registry.url}' (accountId, region, platformName): make them the same`,
    );
  }
}

/**
 * The keys of the chosen CI provider are required, the other provider's must stay unset (a
 * GitLab stack holding a githubRepository would read as trusting GitHub, and trust nothing).
 */
function ciChecks(
  v: ClusterFields,
  problem: (key: keyof ClusterFields, message: string) => void,
): void {
  const other = (key: keyof ClusterFields) =>
    problem(
      key,
      `is a key of ciProvider ${v.ciProvider === 'github' ? 'gitlab' : 'github'}, but this stack's ciProvider is ${v.ciProvider}: remove it`,
    );
  if (v.ciProvider === 'github') {
    if (v.githubRepository === undefined) problem('githubRepository', 'is required and not set');
    if (v.githubEnvironments.length === 0) {
      problem(
        'githubEnvironments',
        'is empty: only jobs of a protected GitHub environment deploy, so no workflow could',
      );
    }
    if (v.gitlabProject !== undefined) other('gitlabProject');
    if (v.gitlabOidcProviderArn !== undefined) other('gitlabOidcProviderArn');
    return;
  }
  if (v.gitlabProject === undefined) {
    problem('gitlabProject', 'is required and not set (ciProvider is gitlab)');
  }
  if (
    v.gitlabOidcProviderArn !== undefined &&
    !v.gitlabOidcProviderArn.endsWith(`:oidc-provider/${v.gitlabHost}`)
  ) {
    problem(
      'gitlabOidcProviderArn',
      `${quote(v.gitlabOidcProviderArn)} is not the OIDC provider of ${PROJECT}:gitlabHost (${v.gitlabHost})`,
    );
  }
  if (v.githubRepository !== undefined) other('githubRepository');
  if (v.githubEnvironments.length > 0) other('githubEnvironments');
  if (v.githubSubjectPrefix !== undefined) other('githubSubjectPrefix');
  if (v.githubOidcProviderArn !== undefined) other('githubOidcProviderArn');
}

/** The CI system's part of the configuration; ciChecks ran first, so the required keys are set. */
function ciConfig(v: ClusterFields): CiConfig {
  if (v.ciProvider === 'gitlab') {
    return {
      provider: 'gitlab',
      host: v.gitlabHost,
      project: v.gitlabProject ?? '',
      branch: v.gitlabBranch,
      deployClusterAdmin: v.gitlabDeployClusterAdmin,
      mergeRequests: v.gitlabMergeRequests,
      oidcProviderArn: v.gitlabOidcProviderArn,
    };
  }
  const repository = v.githubRepository ?? '';
  return {
    provider: 'github',
    repository,
    subjectRepo: v.githubSubjectPrefix ?? `repo:${repository}`,
    branch: v.githubBranch,
    deployClusterAdmin: v.githubDeployClusterAdmin,
    pullRequests: v.githubPullRequests,
    environments: v.githubEnvironments,
    oidcProviderArn: v.githubOidcProviderArn,
  };
}

function toClusterConfig(
  v: ClusterFields,
  stack: string,
  found: ClusterStack | undefined,
): ClusterConfig {
  // Never undefined here: the refinement above fails first, and a failed parse never transforms.
  if (!found) throw new Error(`no cluster stack '${stack}' in libs/environments`);
  const { environment } = found;
  const { namePrefix, partition, url } = registryOf(v, stack);
  return {
    environment: environment.name,
    stack,
    placement: placementOf(found),
    platformName: v.platformName,
    namePrefix,
    accountId: v.accountId,
    region: v.region,
    partition,
    network: {
      cidrBlock: v.vpcCidr,
      availabilityZones: v.availabilityZones,
      natGateways: v.natGateways,
    },
    cluster: {
      name: namePrefix,
      kubernetesVersion: v.kubernetesVersion,
      publicAccessCidrs: v.endpointPublicAccessCidrs,
      logTypes: v.controlPlaneLogTypes,
      logRetentionDays: v.controlPlaneLogRetentionDays,
      adminPrincipalArns: v.clusterAdminPrincipalArns,
      deletionProtection: v.clusterDeletionProtection,
    },
    nodes: {
      instanceTypes: v.nodeInstanceTypes,
      minSize: v.nodeMinSize,
      desiredSize: v.nodeDesiredSize,
      maxSize: v.nodeMaxSize,
      amiType: v.nodeAmiType,
      diskSizeGib: v.nodeDiskSizeGib,
      imdsHopLimit: v.nodeImdsHopLimit,
    },
    registry: {
      repositoryPrefix: namePrefix,
      url,
      keepLastImages: v.ecrKeepLastImages,
      pullAccountIds: v.ecrPullAccountIds,
    },
    ci: ciConfig(v),
    dns: { domain: environment.gateway.domain, hostedZoneId: v.hostedZoneId },
    stateBackend: {
      bucket: v.pulumiStateBucket,
      secretsKeyArn: v.pulumiSecretsKeyArn,
      bootstrapSecretsKeyArn: v.pulumiBootstrapSecretsKeyArn,
    },
  };
}

/**
 * The role of the stack's cluster, with the data's cluster name and, for a hub, its workload
 * clusters' stacks; for a workload, the hub's stack.
 */
function placementOf({ environment, cluster, role, hubStack }: ClusterStack): ClusterPlacement {
  if (role === 'single' || !cluster) return { role: 'single' };
  if (role === 'hub') {
    const topology = clusterTopology(environment);
    const workloads = topology.kind === 'hub-and-spoke' ? topology.workloads : [];
    return { role, cluster: cluster.name, workloadStacks: workloads.map((w) => w.stack) };
  }
  // clusterOfStack names the hub's stack for every workload cluster.
  return { role, cluster: cluster.name, hubStack: hubStack ?? '' };
}

/** The stack's name prefix, partition and image registry (`<account>.dkr.ecr.<region>.<domain>/<prefix>`). */
function registryOf(v: ClusterFields, stack: string) {
  const namePrefix = `${v.platformName}-${stack}`;
  const partition = v.region.startsWith('cn-')
    ? 'aws-cn'
    : v.region.startsWith('us-gov-')
      ? 'aws-us-gov'
      : 'aws';
  const domain = partition === 'aws-cn' ? 'amazonaws.com.cn' : 'amazonaws.com';
  return {
    namePrefix,
    partition,
    url: `${v.accountId}.dkr.ecr.${v.region}.${domain}/${namePrefix}`,
  };
}
