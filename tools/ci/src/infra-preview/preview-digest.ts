/**
 * Reads what `pulumi preview --json` prints: the CLI's preview digest (`config`, `steps`,
 * `diagnostics`, `changeSummary`; display.PreviewDigest in the Pulumi CLI). The review comment
 * and the drift check read the operations from it instead of scraping the text display.
 */

/** One step of the digest: what the engine intends to do to one resource. */
export interface PreviewStep {
  readonly op: string;
  readonly urn: string;
}

export interface PreviewDiagnostic {
  readonly message: string;
  readonly severity: string;
  readonly urn?: string;
}

export interface PreviewDigest {
  /** Count per operation (`create`, `update`, `replace`, `delete`, `same`, …). */
  readonly changeSummary: Readonly<Record<string, number>>;
  readonly steps: readonly PreviewStep[];
  readonly diagnostics: readonly PreviewDiagnostic[];
}

/** Operations that change nothing. */
const UNCHANGING_OPS = new Set(['same', 'read', 'refresh']);
/** Operations that destroy a resource and create another in its place. */
export const REPLACING_OPS = new Set([
  'replace',
  'create-replacement',
  'delete-replaced',
  'import-replacement',
  'read-replacement',
]);
/** Operations that destroy a resource, or drop it from the state. */
export const DELETING_OPS = new Set(['delete', 'discard']);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Parses the digest. Lines before the JSON document are tolerated (the CLI prints policy-pack
 * installation messages there, pulumi/pulumi#19775); anything that is not a digest throws,
 * naming what is wrong.
 */
export function parsePreviewDigest(text: string, source = 'the preview'): PreviewDigest {
  const start = text.search(/^\{/m);
  if (start === -1) throw new Error(`${source} holds no JSON document (did pulumi fail to start?)`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.slice(start));
  } catch (error) {
    throw new Error(`${source} is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
  if (!isRecord(parsed)) throw new Error(`${source} is not a JSON object`);
  const summary = parsed['changeSummary'] ?? {};
  if (!isRecord(summary) || Object.values(summary).some((n) => typeof n !== 'number'))
    throw new Error(`${source}: changeSummary ${JSON.stringify(summary)} is not a map of counts`);
  const steps = parsed['steps'] ?? [];
  if (!Array.isArray(steps)) throw new Error(`${source}: steps is not a list`);
  const diagnostics = parsed['diagnostics'] ?? [];
  if (!Array.isArray(diagnostics)) throw new Error(`${source}: diagnostics is not a list`);
  return {
    changeSummary: summary as Record<string, number>,
    steps: steps.map((step: unknown, index) => {
      if (!isRecord(step) || typeof step['op'] !== 'string' || typeof step['urn'] !== 'string')
        throw new Error(`${source}: steps[${index}] has no op and urn`);
      return { op: step['op'], urn: step['urn'] };
    }),
    diagnostics: diagnostics.filter(isRecord).map((d) => ({
      message: String(d['message'] ?? '').trim(),
      severity: String(d['severity'] ?? ''),
      ...(typeof d['urn'] === 'string' ? { urn: d['urn'] } : {}),
    })),
  };
}

/** The counts of the operations that change something, by operation. */
export function changeCounts(digest: PreviewDigest): Record<string, number> {
  return Object.fromEntries(
    Object.entries(digest.changeSummary).filter(([op, n]) => !UNCHANGING_OPS.has(op) && n > 0),
  );
}

/** The resource a URN names: `aws:eks/cluster:Cluster platform-staging`. */
export function describeUrn(urn: string): string {
  const parts = urn.split('::');
  const name = parts.at(-1) ?? urn;
  const type = (parts.at(-2) ?? '').split('$').at(-1) ?? '';
  return type ? `${type} ${name}` : name;
}

export interface ResourceChange {
  readonly op: string;
  readonly resource: string;
}

/**
 * One line per changed resource. A replacement appears in the digest as several steps of one
 * URN (create-replacement, replace, delete-replaced): it is shown once, as `replace`.
 */
export function resourceChanges(digest: PreviewDigest): ResourceChange[] {
  const byUrn = new Map<string, string>();
  for (const { op, urn } of digest.steps) {
    if (UNCHANGING_OPS.has(op)) continue;
    const known = byUrn.get(urn);
    const next = REPLACING_OPS.has(op) ? 'replace' : op;
    if (known !== 'replace') byUrn.set(urn, known && DELETING_OPS.has(known) ? known : next);
  }
  return [...byUrn].map(([urn, op]) => ({ op, resource: describeUrn(urn) }));
}

/** The diagnostics worth a reviewer's eye: errors and warnings, never the program's info lines. */
export function problems(digest: PreviewDigest): PreviewDiagnostic[] {
  return digest.diagnostics.filter((d) => /^(error|warning)/.test(d.severity) && d.message);
}
