import { testEnvironment } from '@platform/environments/testing';
import { rawStackConfig } from '@platform/infra-stack-kit/testing';
import { describe, expect, it } from 'vitest';
import { configProblems, parseStaging, problemWith } from '../testing/config-changes.js';
import { FIXTURE_ACCOUNTS, stackConfig } from '../testing/fixture-stacks.js';
import { CLUSTER_PROJECT } from '../testing/stack-files.js';
import { parseClusterConfig } from './parse-cluster-config.js';

const staging = () => rawStackConfig(CLUSTER_PROJECT, stackConfig('staging'));

describe('parseClusterConfig on the fixture stacks', () => {
  it('reads staging', () => {
    const config = parseStaging({});
    expect(config).toMatchObject({
      environment: 'staging',
      namePrefix: 'platform-staging',
      partition: 'aws',
      network: {
        natGateways: 'single',
        availabilityZones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'],
      },
      cluster: { name: 'platform-staging', kubernetesVersion: '1.35' },
      nodes: {
        minSize: 2,
        desiredSize: 2,
        maxSize: 4,
        amiType: 'AL2023_x86_64_STANDARD',
        imdsHopLimit: 1,
      },
      ci: {
        provider: 'github',
        branch: 'main',
        subjectRepo: 'repo:fixture-org/fixture-repo',
        pullRequests: true,
        oidcProviderArn: undefined,
      },
      stateBackend: {
        bucket: undefined,
        secretsKeyArn: undefined,
        bootstrapSecretsKeyArn: undefined,
      },
    });
  });

  it('reads production', () => {
    const config = parseStaging({}, 'production', 'production');
    expect(config.namePrefix).toBe('platform-production');
    expect(config.network.natGateways).toBe('per-zone');
    expect(config.ci).toMatchObject({ environments: ['production'] });
  });

  it("names the registry every app's repository goes under, with no list of apps", () => {
    expect(parseStaging({}).registry).toEqual({
      repositoryPrefix: 'platform-staging',
      url: `${FIXTURE_ACCOUNTS.staging}.dkr.ecr.eu-west-1.amazonaws.com/platform-staging`,
      keepLastImages: 30,
      pullAccountIds: [FIXTURE_ACCOUNTS.production],
    });
  });

  it("refuses a stack whose registry is not the one the environment's releases push to", () => {
    const other = [testEnvironment('staging', { imageRegistry: 'registry.test/elsewhere' })];
    expect(() => parseClusterConfig(staging(), 'staging', other)).toThrow(
      "stack: environment 'staging' pushes its images to 'registry.test/elsewhere' (imageRegistry in libs/environments), " +
        `but this stack's registry is '${FIXTURE_ACCOUNTS.staging}.dkr.ecr.eu-west-1.amazonaws.com/platform-staging' (accountId, region, platformName): make them the same`,
    );
  });
});

describe('parseClusterConfig refuses, naming the key', () => {
  it('an unknown stack (it must be one of libs/environments), listing the known stacks', () => {
    expect(configProblems({}, 'qa')).toEqual([
      "stack: 'qa' is not a stack of libs/environments: neither an environment without clusters nor a listed cluster's stack (known: staging, production, live-hub, live-east)",
    ]);
  });

  it.each([
    ['vpcCidr', '10.0.0.0/33'],
    ['vpcCidr', '10.0.0.1/16'],
    ['vpcCidr', 'ten.zero/16'],
    ['endpointPublicAccessCidrs', ['203.0.113.0/24', '198.51.100.7']],
  ])('a malformed CIDR in %s (%j)', (key, value) => {
    expect(problemWith(key, { [key]: value })).toMatch(
      new RegExp(`^infra-cluster:${key}: '.*' is not a CIDR block`),
    );
  });

  it('a VPC block too small or too large for the subnet layout', () => {
    expect(problemWith('vpcCidr', { vpcCidr: '10.0.0.0/24' })).toContain(
      'must be a /16 to /20 block',
    );
    expect(problemWith('vpcCidr', { vpcCidr: '10.0.0.0/8' })).toContain('must be a /16 to /20');
  });

  it('fewer than two availability zones', () => {
    expect(problemWith('availabilityZones', { availabilityZones: ['eu-west-1a'] })).toContain(
      'lists 1 zone(s): EKS needs at least two',
    );
  });

  it('a zone outside the region, or twice the same zone', () => {
    expect(configProblems({ availabilityZones: ['eu-west-1a', 'us-east-1b'] })).toEqual([
      "infra-cluster:availabilityZones: 'us-east-1b' is not a zone of eu-west-1",
    ]);
    expect(
      problemWith('availabilityZones', { availabilityZones: ['eu-west-1a', 'eu-west-1a'] }),
    ).toContain('twice');
  });

  it('a node group minimum above its maximum', () => {
    expect(configProblems({ nodeMinSize: 5, nodeDesiredSize: 5, nodeMaxSize: 3 })).toEqual([
      'infra-cluster:nodeMinSize: 5 is above infra-cluster:nodeMaxSize (3)',
    ]);
  });

  it('a desired node count outside minimum–maximum', () => {
    expect(configProblems({ nodeDesiredSize: 9 })).toEqual([
      'infra-cluster:nodeDesiredSize: 9 is outside 2–4',
    ]);
  });

  it('a Kubernetes version below 1.35 or not 1.<minor>', () => {
    expect(problemWith('kubernetesVersion', { kubernetesVersion: '1.34' })).toContain(
      "'1.34' is below 1.35",
    );
    expect(problemWith('kubernetesVersion', { kubernetesVersion: 'v1.35' })).toContain(
      'is not 1.<minor>',
    );
    expect(parseStaging({ kubernetesVersion: '1.36' }).cluster.kubernetesVersion).toBe('1.36');
  });

  it.each([
    ['natGateways', 'two', 'is not one of single, per-zone'],
    ['nodeAmiType', 'AL2_x86_64', 'is not one of AL2023_x86_64_STANDARD'],
    ['nodeImdsHopLimit', 3, '3 is outside 1–2'],
    ['nodeInstanceTypes', [], 'must list at least one value'],
    ['controlPlaneLogTypes', ['api', 'everything'], "'everything' is not one of api"],
    ['controlPlaneLogRetentionDays', 10, 'is not a CloudWatch retention'],
    ['accountId', '1234', 'is not a 12-digit account id'],
    ['region', 'Europe', 'is not an AWS region'],
    ['platformName', 'Platform_1', 'is not a lowercase DNS label'],
    ['githubRepository', 'gitops-platform', 'is not owner/repository'],
    ['githubBranch', 'release/*', 'is not a branch name (no wildcards)'],
    ['githubEnvironments', ['prod*'], 'is not a GitHub environment name (no wildcards)'],
    ['clusterAdminPrincipalArns', ['admin'], 'is not an IAM role or user ARN'],
    [
      'githubOidcProviderArn',
      'arn:aws:iam::123456789012:oidc-provider/example.com',
      'is not the ARN of a',
    ],
    ['pulumiStateBucket', 'My_Bucket', 'is not an S3 bucket name'],
    [
      'pulumiSecretsKeyArn',
      'arn:aws:kms:eu-west-1:123456789012:alias/pulumi',
      'is not a KMS key ARN',
    ],
  ])('%s = %j', (key, value, problem) => {
    expect(problemWith(key, { [key]: value })).toContain(problem);
  });

  it('no environment to deploy from', () => {
    expect(problemWith('githubEnvironments', { githubEnvironments: [] })).toContain('is empty');
  });

  it('a subject prefix with a wildcard', () => {
    expect(
      problemWith('githubSubjectPrefix', { githubSubjectPrefix: 'repo:fixture-org/*' }),
    ).toContain('no wildcards');
  });

  it("infra-bootstrap's secrets key being the one previews decrypt with", () => {
    const key = 'arn:aws:kms:eu-west-1:100000000001:key/1234abcd-12ab-34cd-56ef-1234567890ab';
    expect(
      problemWith('pulumiBootstrapSecretsKeyArn', {
        pulumiSecretsKeyArn: key,
        pulumiBootstrapSecretsKeyArn: key,
      }),
    ).toContain('previews may decrypt');
  });
});
