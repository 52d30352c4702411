/**
 * What the GitOps engine says is not as git declares, from `kubectl get … -o json` lists:
 * Argo CD Applications (argoproj.io/v1alpha1) and Flux Kustomizations and HelmReleases
 * (kustomize.toolkit.fluxcd.io, helm.toolkit.fluxcd.io), whose conditions follow the
 * Kubernetes convention (Ready, Stalled).
 */
export interface GitOpsFinding {
  readonly engine: 'Argo CD' | 'Flux';
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
  /** One line per problem: `OutOfSync`, `Degraded`, `Ready=False (…): …`. */
  readonly problems: readonly string[];
}

interface Condition {
  readonly type?: string;
  readonly status?: string;
  readonly reason?: string;
  readonly message?: string;
}

interface ResourceStatus {
  readonly kind?: string;
  readonly namespace?: string;
  readonly name?: string;
  readonly status?: string;
  readonly health?: { readonly status?: string };
}

interface Item {
  readonly apiVersion?: string;
  readonly kind?: string;
  readonly metadata?: { readonly name?: string; readonly namespace?: string };
  readonly status?: {
    readonly sync?: { readonly status?: string };
    readonly health?: { readonly status?: string; readonly message?: string };
    readonly operationState?: { readonly phase?: string; readonly message?: string };
    readonly conditions?: readonly Condition[];
    readonly resources?: readonly ResourceStatus[];
  };
}

/** Health an Application must not have; Progressing and Suspended are on their way, not drift. */
const BAD_HEALTH = new Set(['Degraded', 'Missing']);
const FAILED_PHASES = new Set(['Failed', 'Error']);
/** Resources of one Application listed by name; the rest are counted. */
const MAX_RESOURCES = 10;

const oneLine = (text: string | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

function items(list: unknown, source: string): Item[] {
  const value = list as { kind?: unknown; items?: unknown };
  if (typeof value !== 'object' || value === null || !Array.isArray(value.items))
    throw new Error(
      `${source} is not a Kubernetes list (no items): was it \`kubectl get … -o json\`?`,
    );
  return value.items as Item[];
}

function applicationProblems(app: Item): string[] {
  const status = app.status ?? {};
  const problems: string[] = [];
  const sync = status.sync?.status;
  if (sync === 'OutOfSync' || sync === 'Unknown') problems.push(sync);
  const health = status.health?.status;
  if (health && BAD_HEALTH.has(health))
    problems.push(health + (status.health?.message ? `: ${oneLine(status.health.message)}` : ''));
  const phase = status.operationState?.phase;
  if (phase && FAILED_PHASES.has(phase))
    problems.push(`last sync ${phase}: ${oneLine(status.operationState?.message)}`);
  for (const condition of status.conditions ?? [])
    if (condition.type?.endsWith('Error'))
      problems.push(`${condition.type}: ${oneLine(condition.message)}`);
  if (problems.length === 0) return problems;
  const resources = (status.resources ?? []).filter(
    (r) => r.status === 'OutOfSync' || BAD_HEALTH.has(r.health?.status ?? ''),
  );
  for (const r of resources.slice(0, MAX_RESOURCES))
    problems.push(
      `${r.kind ?? '?'} ${r.namespace ? `${r.namespace}/` : ''}${r.name ?? '?'}: ${[
        r.status === 'OutOfSync' ? 'OutOfSync' : '',
        BAD_HEALTH.has(r.health?.status ?? '') ? (r.health?.status ?? '') : '',
      ]
        .filter(Boolean)
        .join(', ')}`,
    );
  if (resources.length > MAX_RESOURCES)
    problems.push(`… and ${resources.length - MAX_RESOURCES} more resources`);
  return problems;
}

/** Argo CD Applications that are OutOfSync, Degraded or Missing, or whose last sync failed. */
export function argoDrift(list: unknown, source = 'the Applications'): GitOpsFinding[] {
  return items(list, source)
    .map((app) => ({ app, problems: applicationProblems(app) }))
    .filter(({ problems }) => problems.length > 0)
    .map(({ app, problems }) => ({
      engine: 'Argo CD' as const,
      kind: app.kind ?? 'Application',
      namespace: app.metadata?.namespace ?? '',
      name: app.metadata?.name ?? '',
      problems,
    }));
}

/** Flux objects whose Ready condition is False or that are Stalled (Ready=Unknown is reconciling). */
export function fluxDrift(list: unknown, source = 'the Flux objects'): GitOpsFinding[] {
  return items(list, source).flatMap((item) => {
    const problems = (item.status?.conditions ?? [])
      .filter(
        (c) =>
          (c.type === 'Ready' && c.status === 'False') ||
          (c.type === 'Stalled' && c.status === 'True'),
      )
      .map(
        (c) =>
          `${c.type === 'Ready' ? 'Ready=False' : 'Stalled'}${c.reason ? ` (${c.reason})` : ''}: ${oneLine(c.message)}`,
      );
    return problems.length === 0
      ? []
      : [
          {
            engine: 'Flux' as const,
            kind: item.kind ?? '',
            namespace: item.metadata?.namespace ?? '',
            name: item.metadata?.name ?? '',
            problems,
          },
        ];
  });
}

/**
 * What `kubectl get <flux kinds>` printing an error means: the cluster does not run Flux (its
 * CRDs are absent), which is no drift; any other error is a failed check.
 */
export function isMissingResourceType(stderr: string): boolean {
  return /the server doesn't have a resource type/i.test(stderr);
}
