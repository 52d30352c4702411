import {
  eksAuditLogs,
  eksPrivateEndpoint,
  eksProductionApiNotOpen,
  eksSecretsEncryption,
} from '../rules/cluster-rules.js';
import type { PolicyCase, PolicyInput } from './validate.js';

const eks = (props: object, stack = 'production'): PolicyInput => ({
  type: 'eks:index:Cluster',
  props,
  stack,
});
const eksCluster = (props: object, stack = 'production'): PolicyInput => ({
  type: 'aws:eks/cluster:Cluster',
  props,
  stack,
});
const logs = ['api', 'audit', 'authenticator'];

/** Resources each EKS rule must let through, and resources it must refuse. */
export const clusterCases: PolicyCase[] = [
  [
    eksSecretsEncryption,
    [
      eks({ encryptionConfigKeyArn: 'arn:aws:kms:eu-west-1:123456789012:key/abc' }),
      eksCluster({
        encryptionConfig: {
          provider: { keyArn: 'arn:aws:kms:eu-west-1:1:key/abc' },
          resources: ['secrets'],
        },
      }),
    ],
    [
      eks({}),
      eksCluster({}),
      eksCluster({ encryptionConfig: { provider: { keyArn: 'k' }, resources: [] } }),
    ],
  ],
  [
    eksPrivateEndpoint,
    [
      eks({ endpointPrivateAccess: true }),
      eksCluster({ vpcConfig: { endpointPrivateAccess: true } }),
    ],
    [eks({}), eks({ endpointPrivateAccess: false }), eksCluster({ vpcConfig: {} })],
  ],
  [
    eksProductionApiNotOpen,
    [
      eks({ endpointPublicAccess: true, publicAccessCidrs: ['203.0.113.10/32'] }),
      eks({ endpointPublicAccess: false }),
      eks({ endpointPublicAccess: true, publicAccessCidrs: ['0.0.0.0/0'] }, 'staging'),
      eksCluster({
        vpcConfig: { endpointPublicAccess: true, publicAccessCidrs: ['198.51.100.0/24'] },
      }),
    ],
    [
      eks({ endpointPublicAccess: true, publicAccessCidrs: ['203.0.113.10/32', '0.0.0.0/0'] }),
      eks({}),
      eksCluster({ vpcConfig: { endpointPublicAccess: true, publicAccessCidrs: ['::/0'] } }),
    ],
  ],
  [
    eksAuditLogs,
    [eks({ enabledClusterLogTypes: logs }), eksCluster({ enabledClusterLogTypes: logs })],
    [eks({}), eksCluster({ enabledClusterLogTypes: ['api'] })],
  ],
];
