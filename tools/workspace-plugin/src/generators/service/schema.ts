/** The options of `nx g @platform/workspace-plugin:service` (schema.json). */
export interface ServiceGeneratorSchema {
  readonly name: string;
  readonly description?: string;
  /** @default 'web' */
  readonly kind?: ServiceKind;
}

/** What a generated app runs as, and the construct its chart starts from. */
export type ServiceKind = 'web' | 'worker' | 'cron' | 'stateful';
export const SERVICE_KINDS: readonly ServiceKind[] = ['web', 'worker', 'cron', 'stateful'];
