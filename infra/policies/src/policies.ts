import type { ResourceValidationPolicy } from '@pulumi/policy';
import {
  eksAuditLogs,
  eksPrivateEndpoint,
  eksProductionApiNotOpen,
  eksSecretsEncryption,
} from './rules/cluster-rules.js';
import { githubTrustExactSubjects, kmsKeyRotation, platformTags } from './rules/identity-rules.js';
import {
  imdsv2Required,
  launchTemplatesAssignNoPublicIp,
  privateSubnetsAssignNoPublicIp,
} from './rules/network-rules.js';
import { ecrImmutableTags, ecrScanOnPush } from './rules/registry-rules.js';

export {
  ecrImmutableTags,
  ecrScanOnPush,
  eksAuditLogs,
  eksPrivateEndpoint,
  eksProductionApiNotOpen,
  eksSecretsEncryption,
  githubTrustExactSubjects,
  imdsv2Required,
  kmsKeyRotation,
  launchTemplatesAssignNoPublicIp,
  platformTags,
  privateSubnetsAssignNoPublicIp,
};

/**
 * The platform's rules for infra/cluster, as pure policy objects (index.ts puts them in a
 * PolicyPack, whose constructor starts a server: tests import this module instead).
 */
export const platformPolicies: readonly ResourceValidationPolicy[] = [
  privateSubnetsAssignNoPublicIp,
  launchTemplatesAssignNoPublicIp,
  imdsv2Required,
  eksSecretsEncryption,
  eksPrivateEndpoint,
  eksProductionApiNotOpen,
  eksAuditLogs,
  ecrImmutableTags,
  ecrScanOnPush,
  kmsKeyRotation,
  githubTrustExactSubjects,
  platformTags,
];
