import { describe, expect, it } from 'vitest';
import { configProblems, parseStaging, problemWith } from '../testing/config-changes.js';

describe('reading the configuration values', () => {
  it('applies the defaults of Pulumi.yaml to the keys a stack leaves unset', () => {
    const config = parseStaging({});
    expect(config.platformName).toBe('platform');
    expect(config.cluster.logTypes).toEqual([
      'api',
      'audit',
      'authenticator',
      'controllerManager',
      'scheduler',
    ]);
    expect(config.nodes.amiType).toBe('AL2023_x86_64_STANDARD');
    expect(config.ci).toMatchObject({ provider: 'github', deployClusterAdmin: true });
  });

  it('an unknown key (a typo must not fall back to a default)', () => {
    expect(problemWith('nodeMinSzie', { nodeMinSzie: 1 })).toMatch(
      /^infra-cluster:nodeMinSzie: is not a config key of this program \(known: accountId, region/,
    );
  });

  it('a missing required key', () => {
    expect(configProblems({ githubRepository: undefined })).toEqual([
      'infra-cluster:githubRepository: is required and not set',
    ]);
  });

  it.each([
    ['nodeMinSize', 'two', "'two' is not an integer"],
    ['nodeMaxSize', 2.5, "'2.5' is not an integer"],
    ['clusterDeletionProtection', 'yes', "'yes' is not a boolean (true or false)"],
    ['availabilityZones', 'eu-west-1a', "'eu-west-1a' is not a list of strings"],
    ['region', 42, "'42' is not an AWS region"],
  ])('a value of the wrong type: %s = %j', (key, value, problem) => {
    expect(configProblems({ [key]: value })).toContain(`infra-cluster:${key}: ${problem}`);
  });
});

describe('optional keys', () => {
  it('read an empty string (their Pulumi.yaml default) as unset', () => {
    expect(parseStaging({ pulumiStateBucket: '' }).stateBackend.bucket).toBeUndefined();
  });

  it('keep a valid value', () => {
    const config = parseStaging({
      pulumiStateBucket: 'acme-pulumi-state',
      githubOidcProviderArn:
        'arn:aws:iam::100000000001:oidc-provider/token.actions.githubusercontent.com',
    });
    expect(config.stateBackend.bucket).toBe('acme-pulumi-state');
    expect(config.ci.oidcProviderArn).toContain('token.actions.githubusercontent.com');
  });
});

describe('the DNS zone', () => {
  it("is the environment's domain (libs/environments), created unless hostedZoneId names one", () => {
    expect(parseStaging({}).dns).toEqual({ domain: 'staging.test', hostedZoneId: undefined });
    expect(parseStaging({ hostedZoneId: 'Z0123456789ABCDEFGHIJ' }).dns.hostedZoneId).toBe(
      'Z0123456789ABCDEFGHIJ',
    );
  });

  it('refuses a hostedZoneId that is no zone id', () => {
    expect(configProblems({ hostedZoneId: '/hostedzone/Z0123' })).toEqual([
      "infra-cluster:hostedZoneId: '/hostedzone/Z0123' is not a Route 53 hosted zone id such as Z0123456789ABCDEFGHIJ",
    ]);
  });
});
