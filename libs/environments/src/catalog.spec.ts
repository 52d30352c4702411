import { platformServiceContract } from '@platform/service-contracts';
import { describe, expect, it } from 'vitest';
import type { App } from './app.js';
import { Catalog, CatalogError, workspaceCatalog } from './catalog.js';
import type { Environment } from './environment.js';
import { environments } from './environments.js';

const app = (name: string): App => ({
  contract: { ...platformServiceContract, name },
  description: name,
  source: `apps/${name}`,
});
const environment = (name: string, extra: Partial<Environment> = {}): Environment => ({
  ...(environments[0] as Environment),
  name,
  ...extra,
});

describe('Catalog', () => {
  it('ships staging and production, in promotion order, with the demo service', () => {
    expect(workspaceCatalog.environmentNames()).toEqual(['staging', 'production']);
    expect(workspaceCatalog.appNames()).toEqual(['demo-service']);
  });

  it('finds environments and apps by name', () => {
    expect(workspaceCatalog.environment('production').name).toBe('production');
    expect(workspaceCatalog.app('demo-service').source).toBe('apps/demo-service');
  });

  it('names the known environments when asked for an unknown one', () => {
    expect(() => workspaceCatalog.environment('qa')).toThrow(CatalogError);
    expect(() => workspaceCatalog.environment('qa')).toThrow(
      "unknown environment 'qa' (known: staging, production)",
    );
  });

  it('names the known apps when asked for an unknown one', () => {
    expect(() => workspaceCatalog.app('billing')).toThrow(
      "unknown app 'billing' (known: demo-service)",
    );
  });

  it('accepts a new environment as one more entry', () => {
    const catalog = new Catalog([...environments, environment('qa')], [app('demo-service')]);
    expect(catalog.environmentNames()).toEqual(['staging', 'production', 'qa']);
  });

  it.each([
    [
      'a duplicate environment',
      () => new Catalog([environment('staging'), environment('staging')], []),
      "environment 'staging' is defined twice",
    ],
    ['a duplicate app', () => new Catalog([], [app('a'), app('a')]), "app 'a' is defined twice"],
    [
      'an environment name that is not a DNS label',
      () => new Catalog([environment('Prod_1')], []),
      "environment name 'Prod_1' is not a DNS-1123 label",
    ],
    [
      'an override of an unknown app',
      () => new Catalog([environment('staging', { apps: { ghost: {} } })], [app('a')]),
      "environment 'staging' overrides unknown app 'ghost'",
    ],
  ])('rejects %s', (_case, build, message) => {
    expect(build).toThrow(CatalogError);
    expect(build).toThrow(message);
  });
});
