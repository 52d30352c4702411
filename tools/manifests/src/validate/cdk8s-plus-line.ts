import { createRequire } from 'node:module';

/** The cdk8s-plus line the construct library uses, and the Kubernetes API it describes. */
export interface Cdk8sPlusLine {
  /** The package, e.g. `cdk8s-plus-27`. */
  readonly name: string;
  /** The Kubernetes version its typed constructs describe, e.g. `1.27`. */
  readonly kubernetes: string;
}

/**
 * The cdk8s-plus-<minor> dependency of @platform/workloads (libs/workloads/package.json): the
 * one place that imports cdk8s-plus, so the one place that decides which API the typed
 * constructs offer. Undefined if it has none.
 */
export function workloadsCdk8sPlusLine(): Cdk8sPlusLine | undefined {
  const manifest = createRequire(import.meta.url)('@platform/workloads/package.json') as {
    dependencies?: Readonly<Record<string, string>>;
  };
  return cdk8sPlusLineOf(Object.keys(manifest.dependencies ?? {}));
}

/** The first `cdk8s-plus-<minor>` of some package names. */
export function cdk8sPlusLineOf(packages: readonly string[]): Cdk8sPlusLine | undefined {
  for (const name of packages) {
    const match = /^cdk8s-plus-(\d+)$/.exec(name);
    if (match) return { name, kubernetes: `1.${match[1]}` };
  }
  return undefined;
}
