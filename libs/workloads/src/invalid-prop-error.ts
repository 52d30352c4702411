/** A prop, or a combination of props, that cannot produce a working, secure workload. */
export class InvalidPropError extends Error {
  constructor(
    readonly construct: string,
    readonly prop: string,
    readonly value: unknown,
    reason: string,
  ) {
    super(`${construct}: ${prop} = ${JSON.stringify(value)} ${reason}`);
    this.name = 'InvalidPropError';
  }
}
