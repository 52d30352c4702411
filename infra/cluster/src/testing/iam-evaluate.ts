/**
 * Whether an identity policy allows one call, by IAM's evaluation rules for the parts these
 * programs use: an explicit Deny wins, else an Allow whose Action (or NotAction) and Resource
 * (or NotResource) match (with `*` and `?` wildcards; actions case-insensitive) and whose
 * conditions hold for the request's context; otherwise the implicit deny. A statement without
 * Resource (a trust policy's) applies to any resource. A context key holding a list is a
 * multivalued key, for the `ForAllValues:`/`ForAnyValue:` operators. Enough to prove what a
 * role can and cannot reach; not a full IAM simulator.
 */
export function allows(
  document: { readonly Statement: readonly any[] },
  action: string,
  resource: string,
  context: RequestContext = {},
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
  context: RequestContext = {},
): boolean {
  return (
    allows(policy, action, resource, context) &&
    (boundary === undefined || allows(boundary, action, resource, context))
  );
}

/**
 * Whether an OIDC token of this issuer (GitHub's unless told: `gitlab.com`…) with this `sub`
 * (audience STS) may assume the role.
 */
export function trusts(
  trustPolicy: { readonly Statement: readonly any[] },
  sub: string,
  issuerHost = 'token.actions.githubusercontent.com',
): boolean {
  return allows(trustPolicy, 'sts:AssumeRoleWithWebIdentity', '*', {
    [`${issuerHost}:aud`]: 'sts.amazonaws.com',
    [`${issuerHost}:sub`]: sub,
  });
}

/**
 * Whether a trust policy lets this principal (`{ Service: 'pods.eks.amazonaws.com' }`, or
 * `{ AWS: <arn> }`) make the call: only the statements naming that principal count.
 */
export function trustsPrincipal(
  trustPolicy: { readonly Statement: readonly any[] },
  principal: Readonly<Record<string, string>>,
  action: string,
  context: RequestContext = {},
): boolean {
  const naming = trustPolicy.Statement.filter((statement) =>
    Object.entries(principal).some(([kind, id]) =>
      list(statement.Principal?.[kind]).some((pattern) => matches(pattern, id, false)),
    ),
  );
  return allows({ Statement: naming }, action, '*', context);
}

/** A request's condition keys: a list is a multivalued key (e.g. the record types of a change). */
export type RequestContext = Readonly<Record<string, string | readonly string[]>>;

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
  context: RequestContext,
): boolean {
  return Object.entries(condition ?? {}).every(([qualified, keys]) =>
    Object.entries(keys).every(([key, expected]) => {
      const [qualifier, operator] = qualified.includes(':')
        ? (qualified.split(':') as [string, string])
        : [undefined, qualified];
      const test = OPERATORS[operator];
      if (!test) throw new Error(`allows: condition operator ${qualified} is not modelled`);
      const actual = context[key];
      if (qualifier === 'ForAllValues') {
        // As IAM: true for a request without the key (hence such statements must only match
        // actions that always carry it), else every value must pass.
        return list(actual).every((value) => test(list(expected), value));
      }
      if (qualifier === 'ForAnyValue') {
        return list(actual).some((value) => test(list(expected), value));
      }
      if (qualifier !== undefined) throw new Error(`allows: ${qualified} is not modelled`);
      // As IAM: a missing key fails every operator but the negated ones, which it satisfies.
      if (actual === undefined) return operator.includes('Not');
      if (typeof actual !== 'string') throw new Error(`allows: ${key} is multivalued`);
      return test(list(expected), actual);
    }),
  );
}
