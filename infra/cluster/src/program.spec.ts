import { FIXTURE_ACCOUNTS } from './testing/fixture-stacks.js';
import * as pulumi from '@pulumi/pulumi';
import { beforeAll, describe, expect, it } from 'vitest';
import { defineStacks, stackNamed, type DefinedStack } from './testing/define-stacks.js';
import { MOCK_ACCOUNT, MOCK_CLUSTER_ENDPOINT } from './testing/platform-mocks.js';
import { promiseOf } from '@platform/infra-stack-kit/testing';
import type { ResourceRecorder } from '@platform/infra-stack-kit/testing';

let recorder: ResourceRecorder;
let stacks: Record<string, DefinedStack>;

beforeAll(async () => {
  ({ recorder, stacks } = await defineStacks(['staging', 'production']));
});

describe.each(['staging', 'production'])('the %s stack', (stack) => {
  const prefix = `platform-${stack}`;
  const outputs = () => stackNamed(stacks, prefix).outputs;

  it('outputs what infra/bootstrap reads, under these names', async () => {
    const { clusterName, clusterEndpoint, kubeconfig, oidcProviderArn, imageRegistry, ciRoleArn } =
      outputs();
    expect(await promiseOf(clusterName)).toBe(prefix);
    expect(await promiseOf(clusterEndpoint)).toBe(MOCK_CLUSTER_ENDPOINT);
    expect(JSON.parse(await promiseOf(kubeconfig)).clusters[0].cluster.server).toBe(
      MOCK_CLUSTER_ENDPOINT,
    );
    expect(await promiseOf(oidcProviderArn)).toMatch(
      /:oidc-provider\/oidc\.eks\.eu-west-1\.amazonaws\.com\/id\//,
    );
    expect(imageRegistry).toBe(
      `${FIXTURE_ACCOUNTS[stack as 'staging' | 'production']}.dkr.ecr.eu-west-1.amazonaws.com/${prefix}`,
    );
    expect(await promiseOf(ciRoleArn)).toBe(
      `arn:aws:iam::${MOCK_ACCOUNT}:role/${prefix}-github-deploy`,
    );
  });

  it('marks the kubeconfig secret, and nothing else', async () => {
    expect(await pulumi.isSecret(outputs().kubeconfig)).toBe(true);
    expect(await pulumi.isSecret(outputs().clusterEndpoint)).toBe(false);
    expect(await pulumi.isSecret(outputs().ciRoleArn)).toBe(false);
  });

  it('tags everything through one provider, pinned to the stack’s region and account', () => {
    const provider = recorder.find('pulumi:providers:aws', `${prefix}-aws`);
    const defaultTags = provider.inputs['defaultTags'];
    expect(typeof defaultTags === 'string' ? JSON.parse(defaultTags) : defaultTags).toEqual({
      tags: { environment: stack, project: 'platform', 'managed-by': 'pulumi' },
    });
    expect(provider.inputs['region']).toBe('eu-west-1');
    const allowed = provider.inputs['allowedAccountIds'];
    expect(typeof allowed === 'string' ? JSON.parse(allowed) : allowed).toEqual([
      stack === 'staging' ? FIXTURE_ACCOUNTS.staging : FIXTURE_ACCOUNTS.production,
    ]);
  });

  it('creates every AWS resource through that provider', () => {
    const awsResources = recorder.resources.filter(
      (r) => r.type.startsWith('aws:') && r.name.startsWith(`${prefix}-`),
    );
    expect(awsResources.length).toBeGreaterThan(40);
    const ownProvider = new RegExp(`::pulumi:providers:aws::${prefix}-aws::${prefix}-aws-id$`);
    const elsewhere = awsResources.filter((resource) => !ownProvider.test(resource.provider ?? ''));
    expect(elsewhere.map((resource) => `${resource.type} ${resource.name}`)).toEqual([]);
  });

  it('groups its resources in the platform components', () => {
    const components = recorder.resources.filter(
      (r) => !r.custom && r.name.startsWith(`${prefix}-`),
    );
    expect(components.map((r) => `${r.type} ${r.name}`).sort()).toEqual(
      [
        `platform:ci:GithubActionsAccess ${prefix}-github`,
        `platform:ci:GithubRole ${prefix}-github-deploy`,
        `platform:ci:GithubRole ${prefix}-github-preview`,
        `platform:ci:GithubRole ${prefix}-github-push`,
        `platform:addons:AddonIdentities ${prefix}-addons`,
        `platform:addons:PodIdentityRole ${prefix}-addons-cert-manager`,
        `platform:addons:PodIdentityRole ${prefix}-addons-external-dns`,
        `platform:cluster:EksCluster ${prefix}-cluster`,
        `platform:dns:HostedZone ${prefix}-dns`,
        `platform:cluster:NodeGroup ${prefix}-nodes`,
        `platform:network:Vpc ${prefix}-network`,
        `platform:registry:ImageRegistry ${prefix}-images`,
        // The @pulumi/eks components are remote: one resource each under mocks.
        `eks:index:Cluster ${prefix}-cluster-eks`,
        `eks:index:ManagedNodeGroup ${prefix}-nodes-group`,
      ].sort(),
    );
  });
});
