/**
 * Whether an identity policy allows one call, by IAM's evaluation rules for the parts these
 * programs use: an explicit Deny wins, else an Allow whose Action (or NotAction) and Resource
 * (or NotResource) match (with `*` and `?` wildcards; actions case-insensitive) and whose
 * conditions hold for the request's context; otherwise the implicit deny. A statement without
 * Resource (a trust policy's) applies to any resource. Enough to prove what a role can and
 * cannot reach; not a full IAM simulator.
 */
export function allows(
  document: { readonly Statement: readonly any[] },
  action: string,
  resource: string,
  context: Readonly<Record<string, string>> = {},
): boolean {
  const matching = document.Statement.filter(
    (statement) =>
      matchesEither(statement.Action, statement.NotAction, action, true) &&
      (statement.Resource === undefined && statement.NotResource === undefined
        ? true
        : matchesEither(statement.Resource, statement.NotResource, resource, false)) &&
      conditionsHold(statement.Condition, context),
  );
  if (matching.some((statement) => statement.Effect === 'Deny')) return false;
  return matching.some((statement) => statement.Effect === 'Allow');
}

/**
 * A role's effective permission for one call: its policy must allow it and, when the role
 * carries a permissions boundary, so must the boundary.
 */
export function allowsWithin(
  policy: { readonly Statement: readonly any[] },
  boundary: { readonly Statement: readonly any[] } | undefined,
  action: string,
  resource: string,
  context: Readonly<Record<string, string>> = {},
): boolean {
  return (
    allows(policy, action, resource, context) &&
    (boundary === undefined || allows(boundary, action, resource, context))
  );
}

/** Whether a GitHub OIDC token with this `sub` (audience STS) may assume the role. */
export function trusts(trustPolicy: { readonly Statement: readonly any[] }, sub: string): boolean {
  return allows(trustPolicy, 'sts:AssumeRoleWithWebIdentity', '*', {
    'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
    'token.actions.githubusercontent.com:sub': sub,
  });
}

const list = (value: unknown): string[] =>
  value === undefined ? [] : ([value].flat() as string[]);

function matchesEither(
  positive: unknown,
  negative: unknown,
  value: string,
  ignoreCase: boolean,
): boolean {
  if (negative !== undefined) return !list(negative).some((p) => matches(p, value, ignoreCase));
  return list(positive).some((pattern) => matches(pattern, value, ignoreCase));
}

function matches(pattern: string, value: string, ignoreCase: boolean): boolean {
  const regex = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${regex}$`, ignoreCase ? 'i' : '').test(value);
}

const OPERATORS: Readonly<Record<string, (expected: string[], actual: string) => boolean>> = {
  StringEquals: (expected, actual) => expected.includes(actual),
  StringNotEquals: (expected, actual) => !expected.includes(actual),
  StringLike: (expected, actual) => expected.some((p) => matches(p, actual, false)),
  ArnEquals: (expected, actual) => expected.includes(actual),
  ArnLike: (expected, actual) => expected.some((p) => matches(p, actual, false)),
};

function conditionsHold(
  condition: Record<string, Record<string, unknown>> | undefined,
  context: Readonly<Record<string, string>>,
): boolean {
  return Object.entries(condition ?? {}).every(([operator, keys]) =>
    Object.entries(keys).every(([key, expected]) => {
      const test = OPERATORS[operator];
      if (!test) throw new Error(`allows: condition operator ${operator} is not modelled`);
      const actual = context[key];
      // As IAM: a missing key fails every operator but the negated ones, which it satisfies.
      if (actual === undefined) return operator.includes('Not');
      return test(list(expected), actual);
    }),
  );
}
