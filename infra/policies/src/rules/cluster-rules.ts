import type { ResourceValidationPolicy } from '@pulumi/policy';
import { listOf, objectOf, stackOf } from './props.js';

/** The EKS component of @pulumi/eks (its inputs) and the EKS cluster resource itself. */
const EKS_COMPONENT = 'eks:index:Cluster';
const EKS_CLUSTER = 'aws:eks/cluster:Cluster';

/** Kubernetes secrets are envelope-encrypted with a KMS key. */
export const eksSecretsEncryption: ResourceValidationPolicy = {
  name: 'eks-secrets-encryption',
  description: 'EKS clusters must envelope-encrypt Kubernetes secrets with a KMS key.',
  enforcementLevel: 'mandatory',
  validateResource: (args, reportViolation) => {
    if (args.type === EKS_COMPONENT && !args.props['encryptionConfigKeyArn']) {
      reportViolation(
        'encryptionConfigKeyArn is not set: Kubernetes secrets would not be encrypted with KMS.',
      );
    }
    if (args.type === EKS_CLUSTER) {
      const encrypted = listOf(args.props['encryptionConfig']).some((config) => {
        const { provider, resources } = objectOf(config);
        return Boolean(objectOf(provider)['keyArn']) && listOf(resources).includes('secrets');
      });
      if (!encrypted)
        reportViolation('encryptionConfig does not encrypt "secrets" with a KMS key.');
    }
  },
};

function endpointOf(args: {
  type: string;
  props: Record<string, unknown>;
}): Record<string, unknown> | undefined {
  if (args.type === EKS_COMPONENT) return args.props;
  if (args.type === EKS_CLUSTER) return objectOf(args.props['vpcConfig']);
  return undefined;
}

/** The API server is reachable from inside the VPC. */
export const eksPrivateEndpoint: ResourceValidationPolicy = {
  name: 'eks-private-endpoint',
  description: 'EKS clusters must enable the private API endpoint.',
  enforcementLevel: 'mandatory',
  validateResource: (args, reportViolation) => {
    const endpoint = endpointOf(args);
    if (endpoint && endpoint['endpointPrivateAccess'] !== true) {
      reportViolation(
        'endpointPrivateAccess is not true: nodes would reach the API server over the internet.',
      );
    }
  },
};

/** In production, the public API endpoint is off or open to listed networks, never to everyone. */
export const eksProductionApiNotOpen: ResourceValidationPolicy = {
  name: 'eks-production-api-not-open',
  description:
    'In production stacks, an EKS public API endpoint must be limited to listed CIDRs, none of them 0.0.0.0/0.',
  enforcementLevel: 'mandatory',
  configSchema: {
    properties: {
      productionStacks: { type: 'array', items: { type: 'string' }, default: ['production'] },
    },
  },
  validateResource: (args, reportViolation) => {
    const endpoint = endpointOf(args);
    const { productionStacks } = args.getConfig<{ productionStacks: string[] }>();
    if (!endpoint || !productionStacks.includes(stackOf(args.urn))) return;
    // Both default to a public endpoint open to 0.0.0.0/0 when unset.
    if (endpoint['endpointPublicAccess'] === false) return;
    const cidrs = listOf(endpoint['publicAccessCidrs'] as string[] | undefined);
    if (cidrs.length === 0) {
      reportViolation(
        'The public API endpoint is on and publicAccessCidrs is unset: it is open to 0.0.0.0/0.',
      );
    } else if (cidrs.some((cidr) => cidr === '0.0.0.0/0' || cidr === '::/0')) {
      reportViolation('publicAccessCidrs opens the production API endpoint to the whole internet.');
    }
  },
};

/** Who did what to the cluster is recorded: API server and audit logs go to CloudWatch. */
export const eksAuditLogs: ResourceValidationPolicy = {
  name: 'eks-audit-logs',
  description: 'EKS clusters must send their api and audit control-plane logs to CloudWatch.',
  enforcementLevel: 'mandatory',
  validateResource: (args, reportViolation) => {
    if (args.type !== EKS_COMPONENT && args.type !== EKS_CLUSTER) return;
    const types = listOf(args.props['enabledClusterLogTypes'] as string[] | undefined);
    const missing = ['api', 'audit'].filter((type) => !types.includes(type));
    if (missing.length > 0)
      reportViolation(`enabledClusterLogTypes lacks ${missing.join(' and ')}.`);
  },
};
