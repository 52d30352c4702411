/** A Kubernetes label selector (matchLabels and matchExpressions). */
export interface LabelSelectorView {
  readonly matchLabels?: Readonly<Record<string, unknown>>;
  readonly matchExpressions?: readonly {
    readonly key?: unknown;
    readonly operator?: unknown;
    readonly values?: readonly unknown[];
  }[];
}

/** Whether `selector` selects an object carrying `labels`, with the API server's semantics. */
export function selectorMatches(
  selector: LabelSelectorView | undefined,
  labels: Readonly<Record<string, unknown>>,
): boolean {
  if (!selector) return false;
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
    if (labels[key] !== value) return false;
  }
  for (const expression of selector.matchExpressions ?? []) {
    const key = String(expression.key);
    const values = (expression.values ?? []).map(String);
    const present = key in labels;
    const value = String(labels[key]);
    switch (expression.operator) {
      case 'In':
        if (!present || !values.includes(value)) return false;
        break;
      case 'NotIn':
        if (present && values.includes(value)) return false;
        break;
      case 'Exists':
        if (!present) return false;
        break;
      case 'DoesNotExist':
        if (present) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

/** Whether the selector is empty (selects everything). */
export function selectsEverything(selector: LabelSelectorView | undefined): boolean {
  return (
    !!selector &&
    Object.keys(selector.matchLabels ?? {}).length === 0 &&
    (selector.matchExpressions ?? []).length === 0
  );
}
