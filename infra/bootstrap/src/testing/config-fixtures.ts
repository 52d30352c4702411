import { readPulumiProject, type StackValues } from '@platform/infra-stack-kit/testing';
import { PROJECT_ROOT } from './workspace.js';

/** Pulumi.yaml's name and defaults: the harness applies them as the CLI does. */
export const BOOTSTRAP_PROJECT = readPulumiProject(PROJECT_ROOT);

/** The fixtures set every secret key with `pulumi config set --secret`. */
export { SECRET_KEYS } from '../config/bootstrap-fields.js';

/**
 * A PEM-shaped placeholder with no key in it, assembled at run time so that no key-shaped
 * literal (which secret scanners rightly flag) sits in the repository.
 */
function placeholderPem(kind: string, label: string): string {
  const marker = ['PRIVATE', 'KEY'].join(' ');
  return [
    `-----BEGIN ${kind} ${marker}-----`,
    `not-a-key-${label}`,
    `-----END ${kind} ${marker}-----`,
    '',
  ].join('\n');
}

/** Test-only secret values: recognisable, so a test can search every resource input for them. */
export const SECRETS = {
  deployKey: placeholderPem('OPENSSH', 'test-deploy-key'),
  appKey: placeholderPem('RSA', 'test-github-app-key'),
  webhook: 'test-webhook-secret-0123456789abcdef',
  oidc: 'test-oidc-client-secret',
} as const;

/** A cluster stack's `kubeconfig` output as @pulumi/eks writes it: exec through `aws`, no token. */
export function clusterKubeconfig(name: string, server: string) {
  return {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name, cluster: { server } }],
    contexts: [{ name, context: { cluster: name, user: 'aws' } }],
    'current-context': name,
    users: [
      {
        name: 'aws',
        user: { exec: { apiVersion: 'client.authentication.k8s.io/v1beta1', command: 'aws' } },
      },
    ],
  };
}

/**
 * The repository in its https form, for the fixtures whose repoAccess needs one (github-app,
 * public); the workspace's own repository.ts is ssh, as the staging fixture's access is.
 */
export const HTTPS_REPOSITORY = {
  url: 'https://github.com/acme/platform.git',
  revision: 'main',
} as const;

/** A valid staging stack: EKS through the cluster stack, private repo over SSH, webhook secret. */
export function stagingConfig(overrides: Record<string, string | undefined> = {}): StackValues {
  return {
    environment: 'staging',
    clusterStack: 'acme/infra-cluster/staging',
    repoAccess: 'ssh',
    repoSshPrivateKey: SECRETS.deployKey,
    githubWebhookSecret: SECRETS.webhook,
    ...overrides,
  };
}

/** A valid production stack: GitHub App credentials, webhook secret; run it with HTTPS_REPOSITORY. */
export function productionConfig(overrides: Record<string, string | undefined> = {}): StackValues {
  return {
    environment: 'production',
    clusterStack: 'acme/infra-cluster/production',
    repoAccess: 'github-app',
    githubAppId: '123456',
    githubAppInstallationId: '7890123',
    githubAppPrivateKey: SECRETS.appKey,
    githubWebhookSecret: SECRETS.webhook,
    ...overrides,
  };
}

/**
 * A valid local stack: staging onto a kind cluster, public repository (run it with
 * HTTPS_REPOSITORY). Staging's webhook is on (environment data), so it has a webhook secret
 * too, as the e2e workflow sets one.
 */
export function localConfig(overrides: Record<string, string | undefined> = {}): StackValues {
  return {
    environment: 'staging',
    kubeContext: 'kind-platform',
    repoAccess: 'public',
    githubWebhookSecret: SECRETS.webhook,
    ...overrides,
  };
}
