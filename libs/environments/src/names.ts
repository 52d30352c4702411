import { isDnsLabel } from '@platform/service-contracts';
import type { Environment } from './environment.js';

// The one DNS-label rule lives in service-contracts (the service runtime checks names with it
// too); infra imports it from here, with the environment names it checks.
export { DNS_LABEL } from '@platform/service-contracts';

/**
 * The longest app name: it names the app's namespace and objects, and the workload library
 * derives names such as `<app>-ingress` that must stay within a 63-character label.
 */
export const MAX_APP_NAME_LENGTH = 56;

/** Why `name` cannot name an app, or undefined when it can. */
export function appNameProblem(name: string): string | undefined {
  // Any length here: a long name gets the message about length below.
  if (!isDnsLabel(name, Number.POSITIVE_INFINITY)) {
    return `'${name}' is not a DNS-1123 label (lowercase letters, digits and '-', starting and ending with a letter or digit)`;
  }
  if (name.length > MAX_APP_NAME_LENGTH) {
    return `'${name}' is ${name.length} characters long; at most ${MAX_APP_NAME_LENGTH} leave room for the names derived from it`;
  }
  return undefined;
}

/**
 * Namespaces no app may take, as Kubernetes globs: Kubernetes' own, the GitOps engines' and the
 * platform add-ons' (infra/bootstrap creates argocd and sealed-secrets; libs/platform renders
 * the others into `manifests/<env>/_platform/`). With each environment's monitoring and Gateway
 * namespaces, they are the platform's, and the AppProjects deny them as destinations.
 */
export const PLATFORM_NAMESPACES = [
  'default',
  'kube-*',
  'argocd',
  'flux-system',
  'sealed-secrets',
  'cert-manager',
  'external-dns',
  'envoy-gateway-system',
] as const;

/** Every namespace pattern reserved for the platform in these environments. */
export function reservedNamespaces(environments: readonly PlatformNamespaces[]): string[] {
  return [
    ...new Set([
      ...PLATFORM_NAMESPACES,
      ...environments.flatMap((e) => [...e.monitoringNamespaces, e.gateway.namespace]),
    ]),
  ];
}

/** The parts of an environment that name platform namespaces. */
type PlatformNamespaces = Pick<Environment, 'monitoringNamespaces' | 'gateway'>;

/** Why `name` may not name an app in these environments (a reserved namespace), or undefined. */
export function reservedNameProblem(
  name: string,
  environments: readonly PlatformNamespaces[],
): string | undefined {
  const pattern = reservedNamespaces(environments).find((glob) =>
    glob.endsWith('*') ? name.startsWith(glob.slice(0, -1)) : name === glob,
  );
  return pattern === undefined
    ? undefined
    : `'${name}' is a namespace the platform reserves ('${pattern}'): an app's name is its namespace`;
}
