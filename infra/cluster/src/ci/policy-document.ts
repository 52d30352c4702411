/** An IAM policy statement, as IAM reads it (JSON with these exact keys). */
export interface PolicyStatement {
  readonly Sid: string;
  readonly Effect: 'Allow' | 'Deny';
  readonly Principal?: Readonly<Record<string, string>>;
  readonly Action?: string | readonly string[];
  /** Every action but these (in a boundary's Allow: what it never allows). */
  readonly NotAction?: string | readonly string[];
  readonly Resource?: string | readonly string[];
  /** Every resource but these (in a Deny: what it leaves alone). */
  readonly NotResource?: string | readonly string[];
  readonly Condition?: Readonly<
    Record<string, Readonly<Record<string, string | readonly string[]>>>
  >;
}

export interface PolicyDocument {
  readonly Version: '2012-10-17';
  readonly Statement: readonly PolicyStatement[];
}

export function policyDocument(statements: readonly PolicyStatement[]): PolicyDocument {
  return { Version: '2012-10-17', Statement: statements };
}

/**
 * IAM's limit on the inline policies of one role, counted without whitespace: a test keeps the
 * CI roles' policies under it.
 */
export const INLINE_POLICY_LIMIT = 10_240;
/** IAM's limit on one customer-managed policy, counted without whitespace. */
export const MANAGED_POLICY_LIMIT = 6_144;
