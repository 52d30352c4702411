import { k8s } from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import type { EgressDestination, NetworkPort } from './pod/egress-props.js';

/** Where cluster DNS runs: CoreDNS pods in kube-system (EKS, kind, minikube and kubeadm all label them so). */
const CLUSTER_DNS = { namespace: 'kube-system', podLabels: { 'k8s-app': 'kube-dns' } } as const;
const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

/** Traffic a workload admits: from pods of these namespaces, to this port. */
export interface IngressRule {
  readonly fromNamespaces: readonly string[];
  readonly port: number;
}

export interface WorkloadNetworkPoliciesProps {
  readonly name: string;
  readonly namespace: string;
  readonly labels: Record<string, string>;
  readonly podSelector: Record<string, string>;
  /** What may reach the pods; none: nothing may. */
  readonly ingress: readonly IngressRule[];
  readonly egress: readonly EgressDestination[];
}

/**
 * On top of the namespace's deny-all: ingress only as declared, egress to cluster DNS and the
 * declared destinations. Two policies, so that each reads on its own.
 */
export class WorkloadNetworkPolicies extends Construct {
  constructor(scope: Construct, id: string, props: WorkloadNetworkPoliciesProps) {
    super(scope, id);
    const metadata = (name: string) => ({ name, namespace: props.namespace, labels: props.labels });
    const podSelector = { matchLabels: props.podSelector };

    new k8s.KubeNetworkPolicy(this, 'ingress', {
      metadata: metadata(`${props.name}-ingress`),
      spec: {
        podSelector,
        policyTypes: ['Ingress'],
        ingress: props.ingress
          .filter((rule) => rule.fromNamespaces.length > 0)
          .map((rule) => ({
            from: rule.fromNamespaces.map((namespace) => ({
              namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: namespace } },
            })),
            ports: [toPolicyPort({ port: rule.port })],
          })),
      },
    });

    new k8s.KubeNetworkPolicy(this, 'egress', {
      metadata: metadata(`${props.name}-egress`),
      spec: {
        podSelector,
        policyTypes: ['Egress'],
        egress: [
          {
            to: [namespacePeer(CLUSTER_DNS.namespace, CLUSTER_DNS.podLabels)],
            ports: [
              toPolicyPort({ port: 53, protocol: 'UDP' }),
              toPolicyPort({ port: 53, protocol: 'TCP' }),
            ],
          },
          ...props.egress.map(toEgressRule),
        ],
      },
    });
  }
}

function toEgressRule(destination: EgressDestination): k8s.NetworkPolicyEgressRule {
  const to: k8s.NetworkPolicyPeer =
    'namespace' in destination
      ? namespacePeer(destination.namespace, destination.podLabels)
      : {
          ipBlock: {
            cidr: destination.cidr,
            ...(destination.except?.length ? { except: [...destination.except] } : {}),
          },
        };
  return { to: [to], ports: destination.ports.map(toPolicyPort) };
}

function namespacePeer(
  namespace: string,
  podLabels: Readonly<Record<string, string>> | undefined,
): k8s.NetworkPolicyPeer {
  return {
    namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: namespace } },
    ...(podLabels && Object.keys(podLabels).length > 0
      ? { podSelector: { matchLabels: { ...podLabels } } }
      : {}),
  };
}

function toPolicyPort(port: NetworkPort): k8s.NetworkPolicyPort {
  return { port: k8s.IntOrString.fromNumber(port.port), protocol: port.protocol ?? 'TCP' };
}
