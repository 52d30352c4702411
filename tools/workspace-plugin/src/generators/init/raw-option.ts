/**
 * The text of a command-line option as typed. Nx's parser turns `--account-id 012345678901`
 * into the number 12345678901, which drops an account id's leading zero; the raw argument
 * keeps it. Falls back to the parsed value when the option did not come from argv.
 */
export function rawOption(
  value: string | number | undefined,
  flag: string,
  argv: readonly string[] = process.argv,
): string | undefined {
  if (value === undefined || typeof value === 'string') return value;
  const camel = flag.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());
  for (const [index, arg] of argv.entries()) {
    for (const name of [`--${flag}`, `--${camel}`]) {
      if (arg === name) return argv[index + 1] ?? String(value);
      if (arg.startsWith(`${name}=`)) return arg.slice(name.length + 1);
    }
  }
  return String(value);
}
