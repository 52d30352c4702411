import { describe, expect, it } from 'vitest';
import { Catalog, CatalogError } from './catalog.js';
import { workspaceEnvironments } from './environments.js';
import { testEnvironment, testEnvironments } from './testing/index.js';

describe('Catalog', () => {
  const catalog = new Catalog(testEnvironments, ['orders', 'payments']);

  it('keeps the environments in promotion order and the apps by name', () => {
    expect(catalog.environmentNames()).toEqual(['test-stage', 'test-live']);
    expect(catalog.appNames()).toEqual(['orders', 'payments']);
  });

  it("finds an app's folder, chart, image files and sealed secrets by its name", () => {
    expect(catalog.app('orders')).toEqual(
      expect.objectContaining({
        name: 'orders',
        folder: 'apps/orders',
        deploy: 'apps/orders/deploy',
        chart: 'apps/orders/deploy/src/chart.ts',
        dockerfile: 'apps/orders/Dockerfile',
      }),
    );
    expect(catalog.app('orders').imageFile('test-live')).toBe(
      'apps/orders/deploy/images/test-live.yaml',
    );
    expect(catalog.app('orders').sealedSecrets('test-live')).toBe(
      'apps/orders/deploy/sealed-secrets/test-live',
    );
  });

  it('names the known environments when asked for an unknown one', () => {
    expect(() => catalog.environment('qa')).toThrow(CatalogError);
    expect(() => catalog.environment('qa')).toThrow(
      "unknown environment 'qa' (known: test-stage, test-live)",
    );
  });

  it('names the known apps, and where a chart makes an app, when asked for an unknown one', () => {
    expect(() => catalog.app('billing')).toThrow(
      "unknown app 'billing': no apps/billing/deploy/src/chart.ts (known: orders, payments)",
    );
  });

  it.each([
    [
      'a duplicate environment',
      () => new Catalog([testEnvironment('a'), testEnvironment('a')], []),
      "environment 'a' is defined twice",
    ],
    ['a duplicate app', () => new Catalog([], ['a', 'a']), "app 'a' is defined twice"],
    [
      'an environment name that is not a DNS label',
      () => new Catalog([testEnvironment('Prod_1')], []),
      "environment name 'Prod_1' is not a DNS-1123 label",
    ],
    [
      // Its services read it as ENVIRONMENT, a DNS label: they would refuse to start.
      'an environment name longer than a DNS label (63)',
      () => new Catalog([testEnvironment('e'.repeat(64))], []),
      `environment name '${'e'.repeat(64)}' is not a DNS-1123 label`,
    ],
    [
      'an app name that is not a DNS label',
      () => new Catalog([], ['Orders']),
      "app name 'Orders' is not a DNS-1123 label",
    ],
    [
      "an app named like a platform namespace ('kube-*')",
      () => new Catalog(testEnvironments, ['kube-tools']),
      "app name 'kube-tools' is a namespace the platform reserves ('kube-*')",
    ],
    [
      'an app named like a namespace an environment lets call the apps',
      () => new Catalog(testEnvironments, ['edge']),
      "app name 'edge' is a namespace the platform reserves ('edge')",
    ],
    [
      'an environment whose engine is neither argocd nor flux',
      () => new Catalog([testEnvironment('qa', { engine: 'fluxcd' as never })], []),
      "environment 'qa': engine 'fluxcd' is not one of argocd, flux",
    ],
    [
      'an app name too long for the names derived from it',
      () => new Catalog([], ['a'.repeat(57)]),
      'is 57 characters long; at most 56',
    ],
  ])('rejects %s', (_case, build, message) => {
    expect(build).toThrow(CatalogError);
    expect(build).toThrow(message);
  });
});

describe('the workspace environments', () => {
  it('form a valid catalog, each with an image registry of the form <host>/<prefix>', () => {
    expect(() => new Catalog(workspaceEnvironments, [])).not.toThrow();
    for (const environment of workspaceEnvironments) {
      expect(environment.imageRegistry).toMatch(/^[a-z0-9.-]+(:\d+)?(\/[a-z0-9._-]+)+$/);
    }
  });
});
