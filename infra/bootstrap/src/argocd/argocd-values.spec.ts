import { promiseOf } from '@platform/infra-stack-kit/testing';
import { describe, expect, it } from 'vitest';
import type { ArgoCdSettings, SecretValue } from '../config/bootstrap-config.js';
import { localConfig, productionConfig, stagingConfig } from '../testing/config-fixtures.js';
import { parseStack } from '../testing/problems-of.js';
import { argoCdValues } from './argocd-values.js';

/** Marks where a secret lands, so a test sees it went through the wrapper. */
const wrap = (value: SecretValue) => ({ wrapped: value });
const settingsOf = (raw = stagingConfig(), stack = 'staging'): ArgoCdSettings =>
  parseStack(raw, stack).config.argocd;
/** The secret a wrapped value carries. */
const unwrap = (value: { wrapped: SecretValue } | undefined) =>
  value ? promiseOf(value.wrapped) : Promise.resolve(undefined);

describe('argoCdValues', () => {
  const staging = argoCdValues(settingsOf(), wrap);
  const production = argoCdValues(settingsOf(productionConfig(), 'production'), wrap);

  it('sets requests and limits on every component the chart runs', () => {
    for (const values of [staging, production]) {
      const haRedis = values['redis-ha'].enabled ? values['redis-ha'] : undefined;
      const containers = [
        values.controller.resources,
        values.server.resources,
        values.repoServer.resources,
        values.applicationSet.resources,
        values.redis.resources,
        values.redisSecretInit.resources,
        // redis-ha 4.38's containers: redis, sentinel, the split-brain-fix sidecar, the
        // config-init init container, HAProxy and its init container.
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
    expect(staging.dex).toEqual({ enabled: false });
    expect(staging.notifications).toEqual({ enabled: false });
  });

  it('runs a single replica of everything without redis-ha outside production', () => {
    expect(staging['redis-ha']).toEqual({ enabled: false });
    for (const component of [
      staging.controller,
      staging.server,
      staging.repoServer,
      staging.applicationSet,
    ]) {
      expect(component.replicas).toBe(1);
      expect(component.pdb).toEqual({ enabled: false });
    }
  });

  it('runs production highly available: redis-ha, two of each stateless component, disruption budgets', () => {
    expect(production['redis-ha'].enabled).toBe(true);
    for (const component of [production.server, production.repoServer, production.applicationSet]) {
      expect(component.replicas).toBe(2);
      expect(component.pdb).toEqual({ enabled: true, minAvailable: 1 });
    }
    // A budget on the single controller would block every node drain.
    expect(production.controller).toMatchObject({ replicas: 1, pdb: { enabled: false } });
  });

  it('follows configured replica counts', () => {
    const values = argoCdValues(
      settingsOf(
        productionConfig({ controllerReplicas: '3', repoServerReplicas: '4' }),
        'production',
      ),
      wrap,
    );
    expect(values.controller).toMatchObject({
      replicas: 3,
      pdb: { enabled: true, minAvailable: 1 },
    });
    expect(values.repoServer.replicas).toBe(4);
  });

  it('wires the GitHub webhook secret through the secret wrapper, and leaves it out when webhooks are off', async () => {
    expect(await unwrap(staging.configs.secret.githubSecret)).toBe(
      'test-webhook-secret-0123456789abcdef',
    );
    const local = argoCdValues(settingsOf(localConfig(), 'local'), wrap);
    expect(local.configs.secret).not.toHaveProperty('githubSecret');
  });

  it('sets the reconciliation timeout from config', () => {
    expect(staging.configs.cm['timeout.reconciliation']).toBe('180s');
    const local = argoCdValues(settingsOf(localConfig(), 'local'), wrap);
    expect(local.configs.cm['timeout.reconciliation']).toBe('60s');
  });

  it('keeps the server private by default: ClusterIP, no Ingress, reached by port-forward', () => {
    const values = argoCdValues(
      settingsOf(stagingConfig({ ingressHost: undefined }), 'staging'),
      wrap,
    );
    expect(values.server.service).toEqual({ type: 'ClusterIP' });
    expect(values.server.ingress).toEqual({ enabled: false });
    expect(values.global.domain).toBe('localhost:8080');
    expect(values.configs.cm.url).toBe('https://localhost:8080');
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
    const noIngress = argoCdValues(
      settingsOf(stagingConfig({ ingressHost: undefined }), 'staging'),
      wrap,
    );
    expect(noIngress.configs.params['server.insecure']).toBeUndefined();
  });

  it('never lets the ApplicationSet controller delete an Application', () => {
    expect(staging.configs.params['applicationsetcontroller.policy']).toBe('create-update');
  });

  it('disables the local admin unless asked, and never allows anonymous access or exec', () => {
    expect(staging.configs.cm['admin.enabled']).toBe('false');
    expect(argoCdValues(settingsOf(localConfig(), 'local'), wrap).configs.cm['admin.enabled']).toBe(
      'true',
    );
    expect(staging.configs.cm['users.anonymous.enabled']).toBe('false');
    expect(staging.configs.cm['exec.enabled']).toBe('false');
  });

  it('configures SSO when an issuer is set: client secret by reference, admin groups, read-only default', async () => {
    const oidc = JSON.parse(production.configs.cm['oidc.config'] ?? '{}');
    expect(oidc).toMatchObject({
      issuer: 'https://login.example.com',
      clientID: 'argocd',
      clientSecret: '$oidc.clientSecret',
    });
    expect(Object.keys(production.configs.secret.extra)).toEqual(['oidc.clientSecret']);
    expect(await unwrap(production.configs.secret.extra['oidc.clientSecret'])).toBe(
      'test-oidc-client-secret',
    );
    expect(production.configs.rbac).toMatchObject({
      'policy.default': 'role:readonly',
      'policy.csv': 'g, platform-admins, role:admin',
    });
    expect(staging.configs.cm).not.toHaveProperty('oidc.config');
    expect(staging.configs.rbac['policy.default']).toBe('');
  });

  it('installs the CRDs and keeps them if the release is ever deleted', () => {
    expect(staging.crds).toEqual({ install: true, keep: true });
  });

  it('pins annotation-based tracking so a chart bump cannot change it', () => {
    expect(staging.configs.cm['application.resourceTrackingMethod']).toBe('annotation');
  });
});
