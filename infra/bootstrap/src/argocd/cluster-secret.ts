import { argoClusterName, type EnvironmentCluster } from '@platform/environments';
import { CLUSTER_SECRET_LABELS } from '@platform/platform';

/**
 * A workload cluster's Argo CD cluster Secret, in the format of Argo CD's declarative setup
 * (argo-cd docs/operator-manual/declarative-setup.md, "Clusters" and "EKS": label
 * `argocd.argoproj.io/secret-type: cluster`, stringData `name`, `server`, `config` with
 * `awsAuthConfig.clusterName` and `tlsClientConfig.caData`). No credential is in it: Argo CD
 * gets a token from argocd-k8s-auth with the AWS credentials its pods already have (the hub's
 * role, through EKS Pod Identity), which each workload cluster's access entry admits. So there
 * is no `bearerToken` and no `roleARN` (set, Argo CD would assume that role on top of the one
 * it runs as).
 */

/** What a workload cluster's stack says about reaching it (infra/cluster's outputs). */
export interface ClusterConnection {
  /** The stack the values come from, for error messages. */
  readonly stack: string;
  /** `clusterName`: the EKS cluster's name, for the token argocd-k8s-auth requests. */
  readonly eksClusterName: string;
  /** `clusterEndpoint`: the API server's https URL. */
  readonly endpoint: string;
  /** `clusterCertificateAuthority`: the API server's CA, base64 (EKS's certificateAuthority.data). */
  readonly certificateAuthority: string;
}

/** The Secret's metadata: name `cluster-<env>.<cluster>`, the labels the ApplicationSets select on. */
export function clusterSecretMetadata(
  environment: string,
  cluster: EnvironmentCluster,
): { readonly name: string; readonly labels: Readonly<Record<string, string>> } {
  return {
    name: `cluster-${argoClusterName(environment, cluster.name)}`,
    labels: {
      [CLUSTER_SECRET_LABELS.secretType]: 'cluster',
      [CLUSTER_SECRET_LABELS.environment]: environment,
      [CLUSTER_SECRET_LABELS.region]: cluster.region,
      [CLUSTER_SECRET_LABELS.cluster]: cluster.name,
      // What namespace.ts puts on its objects: Pulumi owns it, a hand edit is reverted.
      'app.kubernetes.io/managed-by': 'pulumi',
    },
  };
}

/** The Secret's `stringData`: Argo CD's name for the cluster, its API server, how to reach it. */
export function clusterSecretStringData(
  environment: string,
  cluster: EnvironmentCluster,
  connection: ClusterConnection,
): { readonly name: string; readonly server: string; readonly config: string } {
  checkConnection(connection);
  return {
    name: argoClusterName(environment, cluster.name),
    server: connection.endpoint,
    config: JSON.stringify({
      awsAuthConfig: { clusterName: connection.eksClusterName },
      tlsClientConfig: { insecure: false, caData: connection.certificateAuthority },
    }),
  };
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** Throws naming the stack and the output when one is not what infra/cluster exports. */
function checkConnection(connection: ClusterConnection): void {
  const bad = (output: string, value: string, what: string) =>
    new Error(
      `cluster stack '${connection.stack}': output '${output}' ${value === '' ? 'is empty' : `is '${value.slice(0, 60)}'`}, not ${what}`,
    );
  if (connection.eksClusterName.trim() === '') {
    throw bad('clusterName', connection.eksClusterName, 'an EKS cluster name');
  }
  if (!/^https:\/\/[^\s/]+/.test(connection.endpoint)) {
    throw bad('clusterEndpoint', connection.endpoint, 'an https URL');
  }
  if (!BASE64.test(connection.certificateAuthority)) {
    throw bad('clusterCertificateAuthority', connection.certificateAuthority, 'base64 CA data');
  }
}
