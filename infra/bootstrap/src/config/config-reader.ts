import { CONFIG_KEYS, qualified, type ConfigKey } from './config-keys.js';
import { SecretValue } from './secret-value.js';

/** Config as the Pulumi runtime hands it over: strings (arrays as JSON), keyed without namespace. */
export interface RawBootstrapConfig {
  readonly values: Readonly<Record<string, string>>;
  /** The keys whose value was set with `pulumi config set --secret`. */
  readonly secretKeys: ReadonlySet<string>;
}

/**
 * Typed access to raw config that collects every problem instead of stopping at the first, each
 * naming its key (`infra-bootstrap:<key>`) and, unless secret, the bad value. A missing key falls
 * back to its default from CONFIG_KEYS, as the Pulumi CLI does from Pulumi.yaml.
 */
export class ConfigReader {
  readonly problems: string[] = [];

  constructor(private readonly raw: RawBootstrapConfig) {}

  problem(key: ConfigKey, message: string): void {
    this.problems.push(`${qualified(key)} ${message}`);
  }

  /** Set (not empty), as written. */
  isSet(key: ConfigKey): boolean {
    return (this.raw.values[key] ?? '').trim() !== '';
  }

  /** The trimmed value, or undefined when unset or empty. */
  text(key: ConfigKey): string | undefined {
    const value = (this.raw.values[key] ?? defaultText(key)).trim();
    return value === '' ? undefined : value;
  }

  required(key: ConfigKey, hint: string): string | undefined {
    const value = this.text(key);
    if (value === undefined) this.problem(key, `is missing: ${hint}`);
    return value;
  }

  boolean(key: ConfigKey): boolean {
    const value = this.text(key) ?? '';
    if (value === 'true' || value === 'false') return value === 'true';
    this.problem(key, `'${value}' is not a boolean (true or false)`);
    return false;
  }

  integer(key: ConfigKey, min: number, max: number): number {
    const value = this.text(key) ?? '';
    const number = /^-?\d+$/.test(value) ? Number(value) : Number.NaN;
    if (Number.isInteger(number) && number >= min && number <= max) return number;
    this.problem(key, `'${value}' is not an integer from ${min} to ${max}`);
    return min;
  }

  stringList(key: ConfigKey): string[] {
    const value = this.text(key) ?? '[]';
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch {
      parsed = undefined;
    }
    if (Array.isArray(parsed) && parsed.every((item) => typeof item === 'string' && item !== '')) {
      return parsed as string[];
    }
    this.problem(key, `'${value}' is not a list of non-empty strings`);
    return [];
  }

  /** A secret, refused when it sits in plain text in the stack file. Its value is never printed. */
  secret(key: ConfigKey): SecretValue | undefined {
    // Untrimmed: a private key keeps its final newline.
    const value = this.raw.values[key] ?? '';
    if (value.trim() === '') return undefined;
    if (!this.raw.secretKeys.has(key)) {
      this.problem(
        key,
        `is stored in plain text: remove it from the stack file and run \`pulumi config set --secret ${key}\``,
      );
    }
    return new SecretValue(value);
  }
}

function defaultText(key: ConfigKey): string {
  const spec = CONFIG_KEYS[key];
  if (!('default' in spec)) return '';
  return Array.isArray(spec.default) ? JSON.stringify(spec.default) : String(spec.default);
}
