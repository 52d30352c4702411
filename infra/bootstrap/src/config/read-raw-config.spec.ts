import * as pulumi from '@pulumi/pulumi';
import { afterEach, describe, expect, it } from 'vitest';
import { readRawConfig } from './read-raw-config.js';

describe('readRawConfig', () => {
  afterEach(() => pulumi.runtime.setAllConfig({}, []));

  it('reads this project namespace only, without the prefix, and knows which keys are secret', () => {
    pulumi.runtime.setAllConfig(
      {
        'infra-bootstrap:environment': 'staging',
        'infra-bootstrap:githubWebhookSecret': 'from-the-secrets-provider',
        'infra-bootstrap:repoUrl': 'git@github.com:acme/platform.git',
        'kubernetes:context': 'somewhere-else',
        'infra-cluster:environment': 'production',
      },
      ['infra-bootstrap:githubWebhookSecret'],
    );

    const raw = readRawConfig('infra-bootstrap');

    expect(raw.values).toEqual({
      environment: 'staging',
      githubWebhookSecret: 'from-the-secrets-provider',
      repoUrl: 'git@github.com:acme/platform.git',
    });
    expect([...raw.secretKeys]).toEqual(['githubWebhookSecret']);
  });

  it('reports a value set without --secret as not secret', () => {
    pulumi.runtime.setAllConfig({ 'infra-bootstrap:githubWebhookSecret': 'in-plain-text' }, []);
    expect(readRawConfig('infra-bootstrap').secretKeys.has('githubWebhookSecret')).toBe(false);
  });
});
