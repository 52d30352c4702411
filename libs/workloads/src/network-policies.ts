import { k8s } from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import type { ResolvedWebServiceProps } from './resolve-web-service-props.js';
import type { EgressDestination, NetworkPort } from './web-service-props.js';

/** Where cluster DNS runs: CoreDNS pods in kube-system (EKS, kind, minikube and kubeadm all label them so). */
const CLUSTER_DNS = { namespace: 'kube-system', podLabels: { 'k8s-app': 'kube-dns' } } as const;
const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

/**
 * Deny by default, then allow only what is declared: ingress to the container
 * port from the given namespaces, egress to cluster DNS and the declared
 * destinations. Three policies so that each reads on its own.
 */
export class WebServiceNetworkPolicies extends Construct {
  constructor(
    scope: Construct,
    id: string,
    props: ResolvedWebServiceProps,
    labels: Record<string, string>,
    podSelector: Record<string, string>,
  ) {
    super(scope, id);
    const metadata = (name: string) => ({ name, namespace: props.namespace, labels });

    new k8s.KubeNetworkPolicy(this, 'default-deny', {
      metadata: metadata('default-deny-all'),
      spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
    });

    new k8s.KubeNetworkPolicy(this, 'ingress', {
      metadata: metadata(`${props.name}-ingress`),
      spec: {
        podSelector: { matchLabels: podSelector },
        policyTypes: ['Ingress'],
        ingress:
          props.ingressFromNamespaces.length === 0
            ? []
            : [
                {
                  from: props.ingressFromNamespaces.map((namespace) => ({
                    namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: namespace } },
                  })),
                  ports: [toPolicyPort({ port: props.containerPort })],
                },
              ],
      },
    });

    new k8s.KubeNetworkPolicy(this, 'egress', {
      metadata: metadata(`${props.name}-egress`),
      spec: {
        podSelector: { matchLabels: podSelector },
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
