import { isDnsLabel } from '@platform/service-contracts';
import { appLayout } from './app-layout.js';
import { clusterStacks, clusterTopology } from './clusters.js';
import { discoverApps } from './discover-apps.js';
import { engineOf, type Environment } from './environment.js';
import { workspaceEnvironments } from './environments.js';
import { appNameProblem, reservedNameProblem } from './names.js';

/** An environment or app name that the catalog does not know, or a catalog that contradicts itself. */
export class CatalogError extends Error {
  override name = 'CatalogError';
}

/** An app of the catalog: its name and the paths of its folder. */
export type CatalogApp = { readonly name: string } & ReturnType<typeof appLayout>;

/** The environments and the apps the workspace renders, checked once for names that would collide. */
export class Catalog {
  readonly environments: readonly Environment[];
  readonly apps: readonly CatalogApp[];

  /** The workspace's environments and the apps found under `<root>/apps/`. */
  static discover(
    root: string,
    environments: readonly Environment[] = workspaceEnvironments,
  ): Catalog {
    return new Catalog(environments, discoverApps(root));
  }

  constructor(environments: readonly Environment[], apps: readonly string[]) {
    checkNames(
      'environment',
      environments.map((e) => e.name),
      (name) => (isDnsLabel(name) ? undefined : `'${name}' is not a DNS-1123 label`),
    );
    checkNames(
      'app',
      apps,
      (name) => appNameProblem(name) ?? reservedNameProblem(name, environments),
    );
    for (const environment of environments) {
      try {
        engineOf(environment);
        clusterTopology(environment);
      } catch (error) {
        throw new CatalogError((error as Error).message);
      }
    }
    try {
      clusterStacks(environments);
    } catch (error) {
      throw new CatalogError((error as Error).message);
    }
    this.environments = environments;
    this.apps = apps.map((name) => ({ name, ...appLayout(name) }));
  }

  environmentNames(): string[] {
    return this.environments.map((e) => e.name);
  }

  appNames(): string[] {
    return this.apps.map((a) => a.name);
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

  /** The named app; throws naming the known ones, and where an app's chart lives, otherwise. */
  app(name: string): CatalogApp {
    const found = this.apps.find((a) => a.name === name);
    if (!found) {
      throw new CatalogError(
        `unknown app '${name}': no ${appLayout(name).chart} (known: ${this.appNames().join(', ') || 'none'})`,
      );
    }
    return found;
  }
}

function checkNames(
  kind: string,
  names: readonly string[],
  problemOf: (name: string) => string | undefined,
): void {
  const seen = new Set<string>();
  for (const name of names) {
    const problem = problemOf(name);
    if (problem) throw new CatalogError(`${kind} name ${problem}`);
    if (seen.has(name)) throw new CatalogError(`${kind} '${name}' is defined twice`);
    seen.add(name);
  }
}
