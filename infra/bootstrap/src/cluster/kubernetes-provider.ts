import * as k8s from '@pulumi/kubernetes';
import * as pulumi from '@pulumi/pulumi';
import type { ClusterAccess } from '../config/bootstrap-config.js';
import { kubeconfigText } from './kubeconfig-text.js';

/** The provider every resource of this program uses, and where its credentials come from. */
export interface ClusterConnection {
  readonly provider: k8s.Provider;
  /** `stack <org>/infra-cluster/<env>` or `context <name>`, for the stack outputs. */
  readonly source: string;
}

/**
 * The explicit Kubernetes provider: from the cluster stack's secret `kubeconfig` output (EKS),
 * or from a context of the local kubeconfig (kind, minikube, Docker Desktop). Nothing here ever
 * falls back to whatever cluster the ambient kubeconfig points at.
 */
export function connectCluster(name: string, access: ClusterAccess): ClusterConnection {
  if (access.kind === 'kube-context') {
    return {
      source: `context ${access.context}`,
      provider: new k8s.Provider(name, { context: access.context, enableServerSideApply: true }),
    };
  }
  const cluster = new pulumi.StackReference(`${name}-stack`, { name: access.stackName });
  // Secret whether or not the cluster stack marked it so: it is a credential to the cluster.
  const kubeconfig = pulumi.secret(cluster.requireOutput('kubeconfig').apply(kubeconfigText));
  return {
    source: `stack ${access.stackName}`,
    provider: new k8s.Provider(name, { kubeconfig, enableServerSideApply: true }),
  };
}
