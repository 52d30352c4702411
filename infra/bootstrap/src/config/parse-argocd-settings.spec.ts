import { describe, expect, it } from 'vitest';
import { productionConfig, stagingConfig } from '../testing/config-fixtures.js';
import { problemsOf } from '../testing/problems-of.js';
import type { StackValues } from '@platform/infra-stack-kit/testing';

describe('parseArgoCdSettings (through parseBootstrapConfig)', () => {
  it.each<[string, StackValues, string, string?]>([
    [
      'a missing webhook secret',
      stagingConfig({ githubWebhookSecret: undefined }),
      'infra-bootstrap:githubWebhookSecret: is missing: gitWebhook is true',
    ],
    [
      'a short webhook secret',
      stagingConfig({ githubWebhookSecret: 'short' }),
      'infra-bootstrap:githubWebhookSecret: is shorter than 20 characters',
    ],
    [
      'a missing OIDC client secret',
      productionConfig({ oidcClientSecret: undefined }),
      'infra-bootstrap:oidcClientSecret: is missing',
      'production',
    ],
    [
      'OIDC settings without an issuer',
      stagingConfig({ oidcClientId: 'argocd' }),
      'infra-bootstrap:oidcClientId: is set but oidcIssuer is not',
    ],
    [
      'HA with a single server',
      productionConfig({ serverReplicas: '1' }),
      "infra-bootstrap:serverReplicas: '1' must be at least 2 when highAvailability is true",
      'production',
    ],
    [
      'a replica count that is not an integer',
      stagingConfig({ controllerReplicas: 'two' }),
      "infra-bootstrap:controllerReplicas: 'two' is not an integer",
    ],
    [
      'a boolean that is not one',
      stagingConfig({ highAvailability: 'yes' }),
      "infra-bootstrap:highAvailability: 'yes' is not a boolean",
    ],
    [
      'a reconciliation timeout that is not a duration',
      stagingConfig({ reconciliationTimeout: '3 minutes' }),
      "infra-bootstrap:reconciliationTimeout: '3 minutes' is not a duration",
    ],
    [
      'an ingress class without a host',
      stagingConfig({ ingressHost: undefined, ingressClassName: 'nginx' }),
      'infra-bootstrap:ingressClassName: is set but ingressHost is not',
    ],
  ])('refuses %s, naming the key', (_what, raw, expected, stack = 'staging') => {
    expect(problemsOf(raw, stack)).toContainEqual(expect.stringContaining(expected));
  });
});
