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

/** Whether every expected Application exists and is Synced and Healthy, from `kubectl get applications -o json`. */
export function applicationsReport(
  list: { readonly items?: readonly ApplicationView[] },
  expected: readonly string[],
): ApplicationsReport {
  const items = list.items ?? [];
  const byName = new Map(items.map((item) => [item.metadata?.name ?? '', item]));
  const waitingFor: string[] = [];
  for (const name of expected) {
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
  return { ready: waitingFor.length === 0, waitingFor };
}
