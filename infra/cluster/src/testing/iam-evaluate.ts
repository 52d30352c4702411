/**
 * Whether an identity policy allows one call, by IAM's evaluation rules for the parts these
 * programs use: an explicit Deny wins, else an Allow whose Action and Resource match (with `*`
 * and `?` wildcards; actions case-insensitive) and whose StringEquals/StringLike conditions hold
 * for the request's context; otherwise the implicit deny. Enough to prove what a role can and
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
      list(statement.Action).some((pattern) => matches(pattern, action, true)) &&
      list(statement.Resource).some((pattern) => matches(pattern, resource, false)) &&
      conditionsHold(statement.Condition, context),
  );
  if (matching.some((statement) => statement.Effect === 'Deny')) return false;
  return matching.some((statement) => statement.Effect === 'Allow');
}

const list = (value: unknown): string[] =>
  value === undefined ? [] : ([value].flat() as string[]);

function matches(pattern: string, value: string, ignoreCase: boolean): boolean {
  const regex = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${regex}$`, ignoreCase ? 'i' : '').test(value);
}

function conditionsHold(
  condition: Record<string, Record<string, unknown>> | undefined,
  context: Readonly<Record<string, string>>,
): boolean {
  return Object.entries(condition ?? {}).every(([operator, keys]) =>
    Object.entries(keys).every(([key, expected]) => {
      const actual = context[key];
      if (actual === undefined) return false;
      if (operator === 'StringEquals') return list(expected).includes(actual);
      if (operator === 'StringLike') return list(expected).some((p) => matches(p, actual, false));
      throw new Error(`allows: condition operator ${operator} is not modelled`);
    }),
  );
}
