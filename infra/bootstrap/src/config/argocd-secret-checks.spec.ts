import type { StackValues } from '@platform/infra-stack-kit/testing';
import type { Environment } from '@platform/environments';
import { describe, expect, it } from 'vitest';
import { SECRETS, localConfig, stagingConfig } from '../testing/config-fixtures.js';
import {
  NO_WEBHOOK_ENVIRONMENTS,
  SSO_ENVIRONMENTS,
  withStagingArgoCd,
} from '../testing/environments.js';
import { problemsOf } from '../testing/problems-of.js';

describe("argocd-secret's keys against the environment's Argo CD settings", () => {
  it.each<[string, StackValues, string, (readonly Environment[])?]>([
    [
      'a missing webhook secret (staging has the webhook on by default)',
      stagingConfig({ githubWebhookSecret: undefined }),
      "infra-bootstrap:githubWebhookSecret: is missing: environment 'staging' has argocd.gitWebhook on",
    ],
    [
      'a missing webhook secret on the local stack, which runs staging',
      localConfig({ githubWebhookSecret: undefined }),
      'infra-bootstrap:githubWebhookSecret: is missing',
    ],
    [
      'a short webhook secret',
      stagingConfig({ githubWebhookSecret: 'short' }),
      'infra-bootstrap:githubWebhookSecret: is shorter than 20 characters',
    ],
    [
      'a webhook secret for an environment that polls only',
      stagingConfig(),
      "infra-bootstrap:githubWebhookSecret: is set but environment 'staging' has argocd.gitWebhook off",
      NO_WEBHOOK_ENVIRONMENTS,
    ],
    [
      'a missing OIDC client secret when the environment has SSO',
      stagingConfig(),
      "infra-bootstrap:oidcClientSecret: is missing: environment 'staging' signs in through https://login.example.com",
      SSO_ENVIRONMENTS,
    ],
    [
      'an OIDC client secret for an environment without SSO',
      stagingConfig({ oidcClientSecret: SECRETS.oidc }),
      "infra-bootstrap:oidcClientSecret: is set but environment 'staging' has no argocd.sso",
    ],
    [
      'environment data Argo CD could not run with, on the environment key',
      stagingConfig(),
      "infra-bootstrap:environment: environment 'staging': argocd.replicas.server 1 must be at least 2 when highAvailability is true",
      withStagingArgoCd({ highAvailability: true }),
    ],
  ])('refuses %s, naming the key', (_what, raw, expected, environments) => {
    expect(problemsOf(raw, 'staging', environments ? { environments } : {})).toContainEqual(
      expect.stringContaining(expected),
    );
  });

  it('never prints the webhook secret it refuses', () => {
    const message = problemsOf(stagingConfig({ githubWebhookSecret: 'short-secret' })).join('\n');
    expect(message).toContain('githubWebhookSecret');
    expect(message).not.toContain('short-secret');
  });
});
