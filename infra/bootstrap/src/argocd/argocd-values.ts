import type { ArgoCdSettings } from '../config/bootstrap-config.js';
import type { SecretValue } from '../config/bootstrap-config.js';
import { resourcesOf, type KubernetesResources } from '@platform/platform';

/**
 * What the ApplicationSet controller may do to Applications: create and update, never delete
 * (README, "Removing an app"). Also set on each ApplicationSet, which the controller then reads.
 */
export const APPLICATIONS_SYNC_POLICY = 'create-update';

/** Where the server is reached when no Ingress is configured: `kubectl port-forward` (README). */
export const PORT_FORWARD_DOMAIN = 'localhost:8080';

interface Scaled {
  readonly replicas: number;
  readonly resources: KubernetesResources;
  readonly pdb: { readonly enabled: boolean; readonly minAvailable?: number };
}

/** The values this program sets on the argo-cd chart; everything else keeps the chart default. */
export interface ArgoCdValues<S> {
  readonly global: { readonly domain: string };
  readonly crds: { readonly install: true; readonly keep: true };
  readonly configs: {
    readonly cm: Readonly<Record<string, string>>;
    /** argocd-cmd-params-cm: the components' flags. */
    readonly params: Readonly<Record<string, string>>;
    readonly rbac: Readonly<Record<string, string>>;
    readonly secret: {
      readonly createSecret: true;
      readonly githubSecret?: S;
      readonly extra: Readonly<Record<string, S>>;
    };
  };
  readonly controller: Scaled;
  readonly server: Scaled & {
    readonly service: { readonly type: 'ClusterIP' };
    readonly ingress:
      | { readonly enabled: false }
      | {
          readonly enabled: true;
          readonly hostname: string;
          readonly ingressClassName?: string;
          readonly tls: true;
        };
  };
  readonly repoServer: Scaled;
  readonly applicationSet: Scaled;
  readonly redis: { readonly resources: KubernetesResources };
  readonly 'redis-ha':
    | { readonly enabled: false }
    | {
        readonly enabled: true;
        readonly redis: { readonly resources: KubernetesResources };
        readonly sentinel: { readonly resources: KubernetesResources };
        readonly splitBrainDetection: { readonly resources: KubernetesResources };
        readonly init: { readonly resources: KubernetesResources };
        readonly haproxy: {
          readonly resources: KubernetesResources;
          readonly init: { readonly resources: KubernetesResources };
        };
      };
  readonly redisSecretInit: { readonly resources: KubernetesResources };
  readonly dex: { readonly enabled: false };
  readonly notifications: { readonly enabled: false };
}

/**
 * The argo-cd chart values for these settings. `secret` turns a config secret into what goes in
 * the values (the program passes `pulumi.secret`, so the Release's inputs stay encrypted).
 *
 * Choices: no Dex and no notifications controller (SSO talks OIDC directly; fewer moving parts);
 * annotation tracking pinned so a chart bump cannot change how Argo CD recognises its objects;
 * `exec` and anonymous access off; the CRDs installed and kept when the release is deleted, so
 * an uninstall never cascades into deleting every Application; the ApplicationSet controller
 * never deletes an Application (`create-update`: an ApplicationSet whose generator suddenly
 * yields nothing, a bad commit or a wrong revision, deletes no workload). Behind an Ingress the
 * edge terminates TLS and talks HTTP to the server (`server.insecure`): with the server's own
 * TLS on, every request through the edge would be redirected to HTTPS again, forever.
 */
export function argoCdValues<S>(
  settings: ArgoCdSettings,
  secret: (value: SecretValue) => S,
): ArgoCdValues<S> {
  const { highAvailability: ha, replicas, ingress, sso } = settings;
  const domain = ingress?.host ?? PORT_FORWARD_DOMAIN;
  const scaled = (
    count: number,
    component: 'controller' | 'server' | 'repoServer' | 'applicationSet',
  ): Scaled => ({
    replicas: count,
    resources: resourcesOf(component),
    // A budget on a single replica would block every node drain.
    pdb: ha && count >= 2 ? { enabled: true, minAvailable: 1 } : { enabled: false },
  });
  return {
    global: { domain },
    crds: { install: true, keep: true },
    configs: {
      cm: {
        url: `https://${domain}`,
        'admin.enabled': String(settings.adminEnabled),
        'users.anonymous.enabled': 'false',
        'exec.enabled': 'false',
        'timeout.reconciliation': settings.reconciliationTimeout,
        'application.resourceTrackingMethod': 'annotation',
        ...(sso ? { 'oidc.config': oidcConfig(sso.issuer, sso.clientId) } : {}),
      },
      params: {
        'applicationsetcontroller.policy': APPLICATIONS_SYNC_POLICY,
        ...(ingress ? { 'server.insecure': 'true' } : {}),
      },
      rbac: {
        'policy.default': sso ? 'role:readonly' : '',
        'policy.csv': (sso?.adminGroups ?? []).map((group) => `g, ${group}, role:admin`).join('\n'),
        scopes: '[groups]',
      },
      secret: {
        createSecret: true,
        ...(settings.webhookSecret ? { githubSecret: secret(settings.webhookSecret) } : {}),
        extra: sso ? { 'oidc.clientSecret': secret(sso.clientSecret) } : {},
      },
    },
    controller: scaled(replicas.controller, 'controller'),
    server: {
      ...scaled(replicas.server, 'server'),
      service: { type: 'ClusterIP' },
      ingress: ingress
        ? {
            enabled: true,
            hostname: ingress.host,
            ...(ingress.className ? { ingressClassName: ingress.className } : {}),
            tls: true,
          }
        : { enabled: false },
    },
    repoServer: scaled(replicas.repoServer, 'repoServer'),
    applicationSet: scaled(replicas.applicationSet, 'applicationSet'),
    redis: { resources: resourcesOf('redis') },
    'redis-ha': ha
      ? {
          enabled: true,
          redis: { resources: resourcesOf('redisHaServer') },
          sentinel: { resources: resourcesOf('redisHaSentinel') },
          splitBrainDetection: { resources: resourcesOf('redisHaSplitBrainFix') },
          init: { resources: resourcesOf('redisHaInit') },
          haproxy: {
            resources: resourcesOf('redisHaProxy'),
            init: { resources: resourcesOf('redisHaInit') },
          },
        }
      : { enabled: false },
    redisSecretInit: { resources: resourcesOf('redisSecretInit') },
    dex: { enabled: false },
    notifications: { enabled: false },
  };
}

/** argocd-cm `oidc.config`: JSON is YAML, and the secret is a reference into argocd-secret. */
function oidcConfig(issuer: string, clientId: string): string {
  return JSON.stringify({
    name: 'SSO',
    issuer,
    clientID: clientId,
    clientSecret: '$oidc.clientSecret',
    requestedScopes: ['openid', 'profile', 'email', 'groups'],
  });
}
