import type { AddonIdentity } from '@platform/platform';
import { policyDocument, type PolicyDocument } from '../ci/policy-document.js';

/** The service EKS Pod Identity assumes roles as (the agent hands pods its credentials). */
export const POD_IDENTITY_SERVICE = 'pods.eks.amazonaws.com';

/** Whose pods may use a Pod Identity role: service accounts of one namespace, on one cluster. */
export interface PodIdentityTrustScope {
  readonly namespace: string;
  /** One service account, or several sharing the role (Argo CD's components). */
  readonly serviceAccounts: string | readonly string[];
  /** The cluster's ARN: EKS sets it as the session tag `eks-cluster-arn`. */
  readonly clusterArn: string;
  /** The account the assuming EKS belongs to (`aws:SourceAccount`). @default no condition */
  readonly sourceAccount?: string;
}

/**
 * The trust policy of a Pod Identity role: EKS Pod Identity may assume it (and tag the session,
 * which it always does) only for those service accounts, in that namespace, of this cluster.
 * The conditions read the session tags EKS sets; without them any association in the account,
 * on any cluster, could use the role. `aws:SourceAccount` also keeps EKS acting for another
 * account (the confused deputy) out.
 */
export function podIdentityTrust(scope: PodIdentityTrustScope): PolicyDocument {
  const serviceAccounts =
    typeof scope.serviceAccounts === 'string' ? scope.serviceAccounts : [...scope.serviceAccounts];
  return policyDocument([
    {
      Sid: 'EksPodIdentityOfThisServiceAccount',
      Effect: 'Allow',
      Principal: { Service: POD_IDENTITY_SERVICE },
      Action: ['sts:AssumeRole', 'sts:TagSession'],
      Condition: {
        StringEquals: {
          'aws:RequestTag/kubernetes-namespace': scope.namespace,
          'aws:RequestTag/kubernetes-service-account': serviceAccounts,
          'aws:RequestTag/eks-cluster-arn': scope.clusterArn,
          ...(scope.sourceAccount === undefined
            ? {}
            : { 'aws:SourceAccount': scope.sourceAccount }),
        },
      },
    },
  ]);
}

/** The trust policy of an add-on's role: its one service account (see podIdentityTrust). */
export function podIdentityTrustPolicy(
  identity: AddonIdentity,
  clusterArn: string,
): PolicyDocument {
  return podIdentityTrust({
    namespace: identity.namespace,
    serviceAccounts: identity.serviceAccount,
    clusterArn,
  });
}
