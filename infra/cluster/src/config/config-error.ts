/** The Pulumi project name: the namespace of every key this program reads. */
export const PROJECT = 'infra-cluster';

/**
 * A stack configuration value the program refuses. The message starts with the full key
 * (`infra-cluster:<key>`, the name `pulumi config set` takes) and quotes the bad value.
 */
export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(
    /** The key without its namespace, e.g. `vpcCidr`; `stack` for the stack name itself. */
    readonly key: string,
    problem: string,
  ) {
    super(`${key === 'stack' ? 'stack' : `${PROJECT}:${key}`}: ${problem}`);
  }
}

/** Renders a value for an error message: strings quoted, everything else as JSON. */
export function show(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : JSON.stringify(value);
}
