import type { Tree } from '@nx/devkit';
import { installedVersion } from '../../tree/package-lock.js';

/**
 * The npm packages a generated app depends on, each at the version the workspace already
 * locks, so the lockfile needs no new package and `npm ci` runs offline. The version given here
 * is used only when the workspace does not have the package yet (then `npm install` runs).
 */
const FALLBACK_VERSIONS = {
  '@types/express': '5.0.6',
  '@types/supertest': '7.2.1',
  supertest: '7.3.2',
  'dockerfile-ast': '0.7.1',
  cdk8s: '2.70.106',
  constructs: '10.8.1',
} as const;

export type ExternalPackage = keyof typeof FALLBACK_VERSIONS;

export interface ResolvedVersions {
  readonly versions: Record<ExternalPackage, string>;
  /** Packages the lockfile lacks: the generator runs `npm install` after writing. */
  readonly missing: readonly ExternalPackage[];
}

export function resolveVersions(tree: Tree): ResolvedVersions {
  const missing: ExternalPackage[] = [];
  const versions = {} as Record<ExternalPackage, string>;
  for (const [name, fallback] of Object.entries(FALLBACK_VERSIONS) as [ExternalPackage, string][]) {
    const installed = installedVersion(tree, name);
    if (installed === undefined) missing.push(name);
    versions[name] = installed ?? fallback;
  }
  return { versions, missing };
}
