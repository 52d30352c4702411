import type { EnvironmentCluster } from '@platform/environments';
import { describe, expect, it } from 'vitest';
import {
  clusterSecretMetadata,
  clusterSecretStringData,
  type ClusterConnection,
} from './cluster-secret.js';

const CLUSTER: EnvironmentCluster = { name: 'emea', region: 'eu-west-3', stack: 'retail-emea' };
const CONNECTION: ClusterConnection = {
  stack: 'acme/infra-cluster/retail-emea',
  eksClusterName: 'platform-retail-emea',
  endpoint: 'https://RETAILEMEA.gr7.eu-west-3.eks.amazonaws.com',
  certificateAuthority: Buffer.from('test-ca-of-retail-emea').toString('base64'),
};

describe('a workload cluster Secret', () => {
  it('is named after the cluster as Argo CD knows it, labelled for the ApplicationSets to select', () => {
    expect(clusterSecretMetadata('retail', CLUSTER)).toEqual({
      name: 'cluster-retail.emea',
      labels: {
        'argocd.argoproj.io/secret-type': 'cluster',
        'platform.gitops/environment': 'retail',
        'platform.gitops/region': 'eu-west-3',
        'platform.gitops/cluster': 'emea',
        'app.kubernetes.io/managed-by': 'pulumi',
      },
    });
  });

  it("declares the cluster's name, API server and EKS IAM auth with its CA: no credential at all", () => {
    const data = clusterSecretStringData('retail', CLUSTER, CONNECTION);
    expect(Object.keys(data).sort()).toEqual(['config', 'name', 'server']);
    expect(data.name).toBe('retail.emea');
    expect(data.server).toBe(CONNECTION.endpoint);
    // Exactly these fields: no bearerToken, username/password, roleARN or profile.
    expect(JSON.parse(data.config)).toStrictEqual({
      awsAuthConfig: { clusterName: 'platform-retail-emea' },
      tlsClientConfig: { insecure: false, caData: CONNECTION.certificateAuthority },
    });
  });

  it.each<[string, Partial<ClusterConnection>, string]>([
    ['an empty EKS name', { eksClusterName: '' }, "output 'clusterName' is empty"],
    [
      'an endpoint that is not https',
      { endpoint: 'http://RETAILEMEA.gr7.eu-west-3.eks.amazonaws.com' },
      "output 'clusterEndpoint' is 'http://RETAILEMEA",
    ],
    [
      'a CA that is PEM, not base64',
      { certificateAuthority: '-----BEGIN CERTIFICATE-----' },
      "output 'clusterCertificateAuthority' is '-----BEGIN CERTIFICATE-----', not base64 CA data",
    ],
  ])('refuses %s, naming the cluster stack and its output', (_what, override, message) => {
    expect(() =>
      clusterSecretStringData('retail', CLUSTER, { ...CONNECTION, ...override }),
    ).toThrow(`cluster stack 'acme/infra-cluster/retail-emea': ${message}`);
  });
});
