/**
 * A secret read from Pulumi config, held as plain text only inside this object: it prints as
 * `[secret]` (string conversion, JSON, `util.inspect`), so an error message or a log line can
 * never carry it. `reveal()` is called once, where the value becomes a `pulumi.secret(...)`.
 */
export class SecretValue {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  reveal(): string {
    return this.#value;
  }

  toString(): string {
    return '[secret]';
  }

  toJSON(): string {
    return '[secret]';
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return 'SecretValue([secret])';
  }
}
