import { describe, expect, it } from 'vitest';
import { find, synthWebService } from './testing/synth-helpers.js';

const POD_SELECTOR = {
  matchLabels: { 'app.kubernetes.io/name': 'orders', 'app.kubernetes.io/instance': 'orders' },
};
const DNS_RULE = {
  to: [
    {
      namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } },
      podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
    },
  ],
  ports: [
    { port: 53, protocol: 'UDP' },
    { port: 53, protocol: 'TCP' },
  ],
};

describe('WebService network policies', () => {
  it('denies all ingress and egress for every pod in the namespace by default', () => {
    const deny = find(synthWebService(), 'NetworkPolicy', 'default-deny-all');
    expect(deny.spec).toEqual({ podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
  });

  it('allows no ingress when no namespace is given', () => {
    const ingress = find(synthWebService(), 'NetworkPolicy', 'orders-ingress');
    expect(ingress.spec).toEqual({
      podSelector: POD_SELECTOR,
      policyTypes: ['Ingress'],
      ingress: [],
    });
  });

  it('allows ingress on the container port from the given namespaces only', () => {
    const ingress = find(
      synthWebService({ ingressFromNamespaces: ['gateway-system', 'monitoring'] }),
      'NetworkPolicy',
      'orders-ingress',
    );
    expect(ingress.spec.ingress).toEqual([
      {
        from: [
          {
            namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'gateway-system' } },
          },
          { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } },
        ],
        ports: [{ port: 8080, protocol: 'TCP' }],
      },
    ]);
  });

  it('allows egress to cluster DNS only, by default', () => {
    const egress = find(synthWebService(), 'NetworkPolicy', 'orders-egress');
    expect(egress.spec).toEqual({
      podSelector: POD_SELECTOR,
      policyTypes: ['Egress'],
      egress: [DNS_RULE],
    });
  });

  it('adds each declared destination with its ports', () => {
    const egress = find(
      synthWebService({
        egress: [
          {
            namespace: 'payments',
            podLabels: { 'app.kubernetes.io/name': 'payments' },
            ports: [{ port: 8080 }],
          },
          { cidr: '10.20.0.0/16', except: ['10.20.5.0/24'], ports: [{ port: 5432 }] },
        ],
      }),
      'NetworkPolicy',
      'orders-egress',
    );
    expect(egress.spec.egress).toEqual([
      DNS_RULE,
      {
        to: [
          {
            namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'payments' } },
            podSelector: { matchLabels: { 'app.kubernetes.io/name': 'payments' } },
          },
        ],
        ports: [{ port: 8080, protocol: 'TCP' }],
      },
      {
        to: [{ ipBlock: { cidr: '10.20.0.0/16', except: ['10.20.5.0/24'] } }],
        ports: [{ port: 5432, protocol: 'TCP' }],
      },
    ]);
  });
});
