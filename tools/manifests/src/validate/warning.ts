/** Something `validate` reports without failing: worth acting on soon, not wrong today. */
export interface Warning {
  /** What it is about: an environment, a version. */
  readonly subject: string;
  readonly message: string;
  /** What to do about it. */
  readonly fix: string;
}

/** `warning: subject: message` and the fix, as printed to stderr. */
export function formatWarning(warning: Warning): string {
  return `warning: ${warning.subject}: ${warning.message}\n    fix: ${warning.fix}`;
}
