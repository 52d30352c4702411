import type { Environment } from '@platform/environments';

/**
 * The host an app's route answers on by default, `<app>.<domain>` of the environment's Gateway.
 * Throws naming the known environments when there is no such environment.
 */
export function gatewayHost(
  environments: readonly Environment[],
  environment: string,
  app: string,
): string {
  const found = environments.find((e) => e.name === environment);
  if (!found) {
    const known = environments.map((e) => e.name).join(', ');
    throw new Error(`unknown environment '${environment}' (known: ${known})`);
  }
  return `${app}.${found.gateway.domain}`;
}
