/** The parts of an Argo CD Application's status that say whether it is done. */
interface ApplicationView {
  readonly metadata?: { readonly name?: string };
  readonly status?: {
    readonly sync?: { readonly status?: string };
    readonly health?: { readonly status?: string };
  };
}

export interface ApplicationsReport {
  readonly ready: boolean;
  /** One line per Application that is not Synced and Healthy yet. */
  readonly waitingFor: readonly string[];
}

export interface ReportOptions {
  /**
   * Also wait for every Application that exists, not only the expected ones: the platform's
   * add-ons, whose names the caller need not know. The expected ones must exist still, so an
   * early moment when only some Applications were created is never taken for done.
   * @default false
   */
  readonly all?: boolean;
}

/** Whether every expected Application exists and is Synced and Healthy, from `kubectl get applications -o json`. */
export function applicationsReport(
  list: { readonly items?: readonly ApplicationView[] },
  expected: readonly string[],
  options: ReportOptions = {},
): ApplicationsReport {
  const items = list.items ?? [];
  const byName = new Map(items.map((item) => [item.metadata?.name ?? '', item]));
  const names = options.all ? [...new Set([...expected, ...byName.keys()])] : expected;
  const waitingFor: string[] = [];
  for (const name of names) {
    const app = byName.get(name);
    if (!app) {
      waitingFor.push(`${name}: not created yet`);
      continue;
    }
    const sync = app.status?.sync?.status ?? 'Unknown';
    const health = app.status?.health?.status ?? 'Unknown';
    if (sync !== 'Synced' || health !== 'Healthy')
      waitingFor.push(`${name}: sync ${sync}, health ${health}`);
  }
  return { ready: names.length > 0 && waitingFor.length === 0, waitingFor };
}
