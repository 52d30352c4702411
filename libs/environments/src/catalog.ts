import { appName, type App } from './app.js';
import { apps as workspaceApps } from './apps.js';
import type { Environment } from './environment.js';
import { environments as workspaceEnvironments } from './environments.js';

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** An environment or app name that the catalog does not know, or a catalog that contradicts itself. */
export class CatalogError extends Error {
  override name = 'CatalogError';
}

/** The environments and apps the workspace renders, checked once for names that would collide. */
export class Catalog {
  readonly environments: readonly Environment[];
  readonly apps: readonly App[];

  constructor(environments: readonly Environment[], apps: readonly App[]) {
    checkNames(
      'environment',
      environments.map((e) => e.name),
    );
    checkNames('app', apps.map(appName));
    for (const environment of environments) {
      for (const overridden of Object.keys(environment.apps ?? {})) {
        if (!apps.some((app) => appName(app) === overridden)) {
          throw new CatalogError(
            `environment '${environment.name}' overrides unknown app '${overridden}'`,
          );
        }
      }
    }
    this.environments = environments;
    this.apps = apps;
  }

  environmentNames(): string[] {
    return this.environments.map((e) => e.name);
  }

  appNames(): string[] {
    return this.apps.map(appName);
  }

  /** The named environment; throws naming the known ones otherwise. */
  environment(name: string): Environment {
    const found = this.environments.find((e) => e.name === name);
    if (!found) {
      throw new CatalogError(
        `unknown environment '${name}' (known: ${this.environmentNames().join(', ')})`,
      );
    }
    return found;
  }

  /** The named app; throws naming the known ones otherwise. */
  app(name: string): App {
    const found = this.apps.find((a) => appName(a) === name);
    if (!found)
      throw new CatalogError(`unknown app '${name}' (known: ${this.appNames().join(', ')})`);
    return found;
  }
}

function checkNames(kind: string, names: readonly string[]): void {
  const seen = new Set<string>();
  for (const name of names) {
    if (!DNS_LABEL.test(name) || name.length > 56) {
      throw new CatalogError(
        `${kind} name '${name}' is not a DNS-1123 label of at most 56 characters`,
      );
    }
    if (seen.has(name)) throw new CatalogError(`${kind} '${name}' is defined twice`);
    seen.add(name);
  }
}

/** The workspace's own catalog: the environments and apps that ship in this repository. */
export const workspaceCatalog = new Catalog(workspaceEnvironments, workspaceApps);
