import type { AddonIdentity } from '@platform/platform';
import { policyDocument, type PolicyDocument } from '../ci/policy-document.js';

/** The service EKS Pod Identity assumes roles as (the agent hands pods its credentials). */
export const POD_IDENTITY_SERVICE = 'pods.eks.amazonaws.com';

/**
 * The trust policy of an add-on's role: EKS Pod Identity may assume it (and tag the session,
 * which it always does) only for that service account, in that namespace, of this cluster.
 * The conditions read the session tags EKS sets; without them any association in the account,
 * on any cluster, could use the role.
 */
export function podIdentityTrustPolicy(
  identity: AddonIdentity,
  clusterArn: string,
): PolicyDocument {
  return policyDocument([
    {
      Sid: 'EksPodIdentityOfThisServiceAccount',
      Effect: 'Allow',
      Principal: { Service: POD_IDENTITY_SERVICE },
      Action: ['sts:AssumeRole', 'sts:TagSession'],
      Condition: {
        StringEquals: {
          'aws:RequestTag/kubernetes-namespace': identity.namespace,
          'aws:RequestTag/kubernetes-service-account': identity.serviceAccount,
          'aws:RequestTag/eks-cluster-arn': clusterArn,
        },
      },
    },
  ]);
}
