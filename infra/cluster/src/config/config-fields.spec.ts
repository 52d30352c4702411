import { describe, expect, it } from 'vitest';
import { configError, parseStaging } from '../testing/config-changes.js';
import { environmentsFor, stackConfig } from '../testing/fixture-stacks.js';
import { parseClusterConfig } from './parse-cluster-config.js';

const staging = () => stackConfig('staging');

describe('reading the configuration values', () => {
  it('reads the strings the Pulumi runtime hands over (lists as JSON) like the YAML values', () => {
    const asRuntime = Object.fromEntries(
      Object.entries(staging()).map(([key, value]) => [
        key,
        typeof value === 'string' ? value : JSON.stringify(value),
      ]),
    );
    const environments = environmentsFor(staging(), 'staging');
    expect(parseClusterConfig(asRuntime, 'staging', environments)).toEqual(
      parseClusterConfig(staging(), 'staging', environments),
    );
  });

  it('an unknown key (a typo must not fall back to a default)', () => {
    const error = configError({ nodeMinSzie: 1 });
    expect(error.key).toBe('nodeMinSzie');
    expect(error.message).toMatch(
      /^infra-cluster:nodeMinSzie: unknown key \(known: accountId, region/,
    );
  });

  it('a missing required key', () => {
    expect(configError({ githubRepository: undefined }).message).toBe(
      'infra-cluster:githubRepository: is required and not set',
    );
  });

  it.each([
    ['nodeMinSize', 'two', "'two' is not an integer"],
    ['nodeMaxSize', 2.5, '2.5 is not an integer'],
    ['clusterDeletionProtection', 'yes', "'yes' is not a boolean (true or false)"],
    ['availabilityZones', 'eu-west-1a', "'eu-west-1a' is not a list of strings"],
    ['region', 42, '42 is not a string'],
  ])('a value of the wrong type: %s = %j', (key, value, problem) => {
    expect(configError({ [key]: value }).message).toBe(`infra-cluster:${key}: ${problem}`);
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
    expect(config.github.oidcProviderArn).toContain('token.actions.githubusercontent.com');
  });
});
