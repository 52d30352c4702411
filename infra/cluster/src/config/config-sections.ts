import { MAX_ZONES } from './cidr.js';
import * as check from './checks.js';
import {
  CONTROL_PLANE_LOG_TYPES,
  MINIMUM_KUBERNETES_MINOR,
  NAT_GATEWAY_MODES,
  NODE_AMI_TYPES,
  type EksConfig,
  type NetworkConfig,
  type NodeGroupConfig,
} from './cluster-config.js';
import { ConfigError, show } from './config-error.js';
import type { ConfigValues } from './config-fields.js';

/** The sections of parseClusterConfig for the platform itself; each throws naming the bad key. */

const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288,
  3653,
];

export function networkConfig(v: ConfigValues, region: string): NetworkConfig {
  const vpc = check.cidr('vpcCidr', v.vpcCidr);
  if (vpc.prefix < 16 || vpc.prefix > 20) {
    throw new ConfigError('vpcCidr', `${show(v.vpcCidr)} must be a /16 to /20 block`);
  }
  const zones = check.unique('availabilityZones', v.availabilityZones);
  if (zones.length < 2 || zones.length > MAX_ZONES) {
    throw new ConfigError(
      'availabilityZones',
      `lists ${zones.length} zone(s): EKS needs at least two, this layout at most ${MAX_ZONES}`,
    );
  }
  check.everyMatching(
    'availabilityZones',
    zones,
    new RegExp(`^${region}[a-z]$`),
    `a zone of ${region}`,
  );
  return {
    cidrBlock: v.vpcCidr,
    availabilityZones: zones,
    natGateways: check.oneOf('natGateways', v.natGateways, NAT_GATEWAY_MODES),
  };
}

export function eksConfig(v: ConfigValues, name: string): EksConfig {
  const version = /^1\.(\d+)$/.exec(v.kubernetesVersion);
  if (!version) {
    throw new ConfigError('kubernetesVersion', `${show(v.kubernetesVersion)} is not 1.<minor>`);
  }
  if (Number(version[1]) < MINIMUM_KUBERNETES_MINOR) {
    throw new ConfigError(
      'kubernetesVersion',
      `${show(v.kubernetesVersion)} is below 1.${MINIMUM_KUBERNETES_MINOR}, the oldest version in EKS standard support`,
    );
  }
  for (const block of v.endpointPublicAccessCidrs) check.cidr('endpointPublicAccessCidrs', block);
  if (!LOG_RETENTION_DAYS.includes(v.controlPlaneLogRetentionDays)) {
    throw new ConfigError(
      'controlPlaneLogRetentionDays',
      `${v.controlPlaneLogRetentionDays} is not a CloudWatch retention (${LOG_RETENTION_DAYS.join(', ')})`,
    );
  }
  const logTypes = check.unique(
    'controlPlaneLogTypes',
    check.nonEmpty('controlPlaneLogTypes', v.controlPlaneLogTypes),
  );
  return {
    name,
    kubernetesVersion: v.kubernetesVersion,
    publicAccessCidrs: check.unique('endpointPublicAccessCidrs', v.endpointPublicAccessCidrs),
    logTypes: check.everyOneOf('controlPlaneLogTypes', logTypes, CONTROL_PLANE_LOG_TYPES),
    logRetentionDays: v.controlPlaneLogRetentionDays,
    adminPrincipalArns: check.everyMatching(
      'clusterAdminPrincipalArns',
      check.unique('clusterAdminPrincipalArns', v.clusterAdminPrincipalArns),
      new RegExp(`^${check.ARN_PARTITION}:iam::\\d{12}:(role|user)/[\\w+=,.@/-]+$`),
      'an IAM role or user ARN',
    ),
    deletionProtection: v.clusterDeletionProtection,
  };
}

export function nodeGroupConfig(v: ConfigValues): NodeGroupConfig {
  const minSize = check.inRange('nodeMinSize', v.nodeMinSize, 0, 1000);
  const maxSize = check.inRange('nodeMaxSize', v.nodeMaxSize, 1, 1000);
  if (minSize > maxSize) {
    throw new ConfigError(
      'nodeMinSize',
      `${minSize} is above infra-cluster:nodeMaxSize (${maxSize})`,
    );
  }
  const instanceTypes = check.unique(
    'nodeInstanceTypes',
    check.nonEmpty('nodeInstanceTypes', v.nodeInstanceTypes),
  );
  return {
    instanceTypes: check.everyMatching(
      'nodeInstanceTypes',
      instanceTypes,
      /^[a-z][a-z0-9-]*\.[a-z0-9]+$/,
      'an EC2 instance type such as m7i.large',
    ),
    minSize,
    desiredSize: check.inRange('nodeDesiredSize', v.nodeDesiredSize, minSize, maxSize),
    maxSize,
    amiType: check.oneOf('nodeAmiType', v.nodeAmiType, NODE_AMI_TYPES),
    diskSizeGib: check.inRange('nodeDiskSizeGib', v.nodeDiskSizeGib, 20, 16384),
    imdsHopLimit: check.inRange('nodeImdsHopLimit', v.nodeImdsHopLimit, 1, 2) as 1 | 2,
  };
}
