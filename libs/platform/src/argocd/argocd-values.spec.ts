import type { ArgoCdSettings } from '@platform/environments';
import { testEnvironment } from '@platform/environments/testing';
import { describe, expect, it } from 'vitest';
import { ArgoCdSettingsError } from './argocd-settings.js';
import { argoCdValues } from './argocd-values.js';

const valuesOf = (argocd?: ArgoCdSettings) =>
  argoCdValues(testEnvironment('test-stage', argocd ? { argocd } : {}));

const HA: ArgoCdSettings = {
  highAvailability: true,
  replicas: { controller: 1, server: 2, repoServer: 2, applicationSet: 2 },
  ingress: { host: 'argocd.example.com', className: 'nginx' },
  sso: {
    issuer: 'https://login.example.com',
    clientId: 'argocd',
    adminGroups: ['platform-admins'],
  },
};

describe('argoCdValues', () => {
  const defaults = valuesOf();
  const production = valuesOf(HA);

  it('sets requests and limits on every component the chart runs', () => {
    for (const values of [defaults, production]) {
      const haRedis = values['redis-ha'].enabled ? values['redis-ha'] : undefined;
      const containers = [
        values.controller.resources,
        values.server.resources,
        values.repoServer.resources,
        values.applicationSet.resources,
        values.redis.resources,
        values.redisSecretInit.resources,
        // redis-ha's containers: redis, sentinel, the split-brain-fix sidecar, the config-init
        // init container, HAProxy and its init container.
        ...(haRedis
          ? [
              haRedis.redis.resources,
              haRedis.sentinel.resources,
              haRedis.splitBrainDetection.resources,
              haRedis.init.resources,
              haRedis.haproxy.resources,
              haRedis.haproxy.init.resources,
            ]
          : []),
      ];
      expect(containers.length).toBe(values['redis-ha'].enabled ? 12 : 6);
      for (const resources of containers) {
        expect(resources.requests).toEqual({
          cpu: expect.stringMatching(/^\d+m$/),
          memory: expect.stringMatching(/^\d+Mi$/),
        });
        expect(resources.limits).toEqual({
          cpu: expect.stringMatching(/^\d+m$/),
          memory: expect.stringMatching(/^\d+Mi$/),
        });
      }
    }
  });

  it('turns components this platform does not use off instead of leaving them unsized', () => {
    expect(defaults.dex).toEqual({ enabled: false });
    expect(defaults.notifications).toEqual({ enabled: false });
  });

  it('runs a single replica of everything without redis-ha by default', () => {
    expect(defaults['redis-ha']).toEqual({ enabled: false });
    for (const component of [
      defaults.controller,
      defaults.server,
      defaults.repoServer,
      defaults.applicationSet,
    ]) {
      expect(component.replicas).toBe(1);
      expect(component.pdb).toEqual({ enabled: false });
    }
  });

  it('runs highly available when asked: redis-ha, two of each stateless component, disruption budgets', () => {
    expect(production['redis-ha'].enabled).toBe(true);
    for (const component of [production.server, production.repoServer, production.applicationSet]) {
      expect(component.replicas).toBe(2);
      expect(component.pdb).toEqual({ enabled: true, minAvailable: 1 });
    }
    // A budget on the single controller would block every node drain.
    expect(production.controller).toMatchObject({ replicas: 1, pdb: { enabled: false } });
  });

  it('follows the replica counts of the environment', () => {
    const values = valuesOf({
      ...HA,
      replicas: { controller: 3, repoServer: 4, server: 2, applicationSet: 2 },
    });
    expect(values.controller).toMatchObject({
      replicas: 3,
      pdb: { enabled: true, minAvailable: 1 },
    });
    expect(values.repoServer.replicas).toBe(4);
  });

  it('refuses settings Argo CD could not run with, naming the field', () => {
    expect(() => valuesOf({ highAvailability: true })).toThrow(ArgoCdSettingsError);
    expect(() => valuesOf({ highAvailability: true })).toThrow(
      "environment 'test-stage': argocd.replicas.server 1 must be at least 2 when highAvailability is true",
    );
    expect(() => valuesOf({ reconciliationTimeout: '3 minutes' })).toThrow('is not a duration');
  });

  it('carries no secret: argocd-secret is created apart, and the chart does not create it', () => {
    expect(defaults.configs.secret).toEqual({ createSecret: false });
    expect(JSON.stringify(production)).not.toMatch(/githubSecret|"extra"/);
  });

  it('sets the reconciliation timeout from the environment, 180s by default', () => {
    expect(defaults.configs.cm['timeout.reconciliation']).toBe('180s');
    expect(valuesOf({ reconciliationTimeout: '60s' }).configs.cm['timeout.reconciliation']).toBe(
      '60s',
    );
  });

  it('keeps the server private by default: ClusterIP, no Ingress, reached by port-forward', () => {
    expect(defaults.server.service).toEqual({ type: 'ClusterIP' });
    expect(defaults.server.ingress).toEqual({ enabled: false });
    expect(defaults.global.domain).toBe('localhost:8080');
    expect(defaults.configs.cm.url).toBe('https://localhost:8080');
  });

  it('adds an Ingress only for a configured host, still behind a ClusterIP service', () => {
    expect(production.server.ingress).toEqual({
      enabled: true,
      hostname: 'argocd.example.com',
      ingressClassName: 'nginx',
      tls: true,
    });
    expect(production.server.service).toEqual({ type: 'ClusterIP' });
    expect(production.configs.cm.url).toBe('https://argocd.example.com');
  });

  it('serves plain HTTP behind the TLS-terminating edge only when there is an Ingress (no redirect loop)', () => {
    expect(production.configs.params['server.insecure']).toBe('true');
    expect(defaults.configs.params['server.insecure']).toBeUndefined();
  });

  it('never lets the ApplicationSet controller delete an Application', () => {
    expect(defaults.configs.params['applicationsetcontroller.policy']).toBe('create-update');
  });

  it('disables the local admin unless asked, and never allows anonymous access or exec', () => {
    expect(defaults.configs.cm['admin.enabled']).toBe('false');
    expect(valuesOf({ adminEnabled: true }).configs.cm['admin.enabled']).toBe('true');
    expect(defaults.configs.cm['users.anonymous.enabled']).toBe('false');
    expect(defaults.configs.cm['exec.enabled']).toBe('false');
  });

  it('configures SSO when an issuer is set: the client secret by reference into argocd-secret, admin groups, read-only default', () => {
    const oidc = JSON.parse(production.configs.cm['oidc.config'] ?? '{}');
    expect(oidc).toMatchObject({
      issuer: 'https://login.example.com',
      clientID: 'argocd',
      clientSecret: '$oidc.clientSecret',
    });
    expect(production.configs.rbac).toMatchObject({
      'policy.default': 'role:readonly',
      'policy.csv': 'g, platform-admins, role:admin',
    });
    expect(defaults.configs.cm).not.toHaveProperty('oidc.config');
    expect(defaults.configs.rbac['policy.default']).toBe('');
  });

  it('assesses Applications by their own health, so sync waves between Applications wait', () => {
    expect(defaults.configs.cm['resource.customizations.health.argoproj.io_Application']).toContain(
      'obj.status.health.status',
    );
  });

  it('installs the CRDs and keeps them if the release is ever deleted', () => {
    expect(defaults.crds).toEqual({ install: true, keep: true });
  });

  it('pins annotation-based tracking so a chart bump cannot change it', () => {
    expect(defaults.configs.cm['application.resourceTrackingMethod']).toBe('annotation');
  });
});
