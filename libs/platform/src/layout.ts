/**
 * The directory of an environment's platform layer, `manifests/<env>/_platform/`: not a DNS
 * label, so no app can ever be named like it, and the apps' ApplicationSet excludes it.
 */
export const PLATFORM_DIRECTORY = '_platform';

/** The subdirectory of the add-ons that need AWS (external-dns, the Route 53 issuer). */
export const AWS_ADDONS_DIRECTORY = 'aws';

/** The subdirectory of what replaces them on a cluster without AWS (kind): a self-signed issuer. */
export const LOCAL_ADDONS_DIRECTORY = 'local';

/** `manifests/<env>/_platform`, relative to the repository root. */
export function platformPath(environment: string): string {
  return `manifests/${environment}/${PLATFORM_DIRECTORY}`;
}
