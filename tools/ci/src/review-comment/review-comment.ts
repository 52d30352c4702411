import { code, fenced, headLines } from '../markdown.js';
import { splitManifestPatch, type ManifestFileDiff } from './manifest-patch.js';
import { riskCounts, type StackPreview } from '../infra-preview/stack-preview.js';

/** The hidden marker the one review comment carries, so each run rewrites it instead of adding one. */
export const REVIEW_COMMENT_MARKER = '<!-- platform-review-comment -->';
/** GitHub refuses a comment over 65,536 characters; this leaves room for the sticky action's own marker. */
export const MAX_COMMENT_CHARS = 65_000;

/** Where one workflow's result stands for the pull request's head commit. */
export type WorkflowResult<T> =
  /** Still running (or queued): its section says so, and the next run of the comment fills it. */
  | { readonly state: 'pending'; readonly runUrl?: string }
  /** It did not run for this commit (infra.yml runs only when infrastructure paths change). */
  | { readonly state: 'not-run' }
  /** It finished without what the comment needs (cancelled, or failed before keeping it). */
  | { readonly state: 'missing'; readonly runUrl: string; readonly conclusion: string }
  | ({ readonly state: 'done'; readonly runUrl: string; readonly artifactUrl?: string } & T);

/** A stack's preview and the environment it belongs to (a workload cluster's stack is not named after it). */
export type EnvironmentPreview = StackPreview & { readonly environment: string };

export interface ReviewInput {
  readonly headSha: string;
  /** Every environment, in promotion order. */
  readonly environments: readonly string[];
  /** The environments whose any change the headline calls out. */
  readonly productionEnvironments: readonly string[];
  /** ci.yml's patch of `manifests/`. */
  readonly manifests: WorkflowResult<{ readonly patch: string }>;
  /** infra.yml's previews, one per affected program and stack, each with its environment. */
  readonly infra: WorkflowResult<{ readonly previews: readonly EnvironmentPreview[] }>;
  /** @default MAX_COMMENT_CHARS */
  readonly maxChars?: number;
}

const OP_WORDS: Readonly<Record<string, string>> = {
  create: 'to create',
  update: 'to update',
  replace: 'to replace',
  delete: 'to delete',
  import: 'to import',
  discard: 'to forget',
};
/** A stack's list of changed resources is cut here; the digest in the artifact has them all. */
const MAX_CHANGES_CHARS = 4_000;
const MAX_ERROR_CHARS = 3_000;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function countsLine(counts: Readonly<Record<string, number>>): string {
  const parts = Object.entries(counts).map(([op, n]) => `${n} ${OP_WORDS[op] ?? op}`);
  return parts.length > 0 ? parts.join(', ') : 'no changes';
}

function policyLine(preview: StackPreview): string {
  switch (preview.policy.status) {
    case 'passed':
      return 'policy pack: ✅ passed';
    case 'violated':
      return 'policy pack: ❌ violated';
    case 'not-evaluated':
      return 'policy pack: not evaluated (the preview failed)';
  }
}

function artifactLink(result: { artifactUrl?: string; runUrl: string }, what: string): string {
  return result.artifactUrl
    ? `[the ${what} artifact](${result.artifactUrl})`
    : `[the run's artifacts](${result.runUrl})`;
}

function stackBlock(
  preview: StackPreview,
  links: { artifactUrl?: string; runUrl: string },
): string {
  const title = `**${code(preview.project)}** / ${code(preview.stack)}`;
  if (!preview.succeeded) {
    const errors = headLines(preview.errors.join('\n'), MAX_ERROR_CHARS);
    const messages =
      preview.policy.status === 'violated'
        ? `\n\nPolicy violations:\n${preview.policy.messages.map((m) => `- ${code(m)}`).join('\n')}`
        : '';
    return [
      `${title}: ❌ **the preview failed** · ${policyLine(preview)}${messages}`,
      '',
      '<details><summary>Errors</summary>',
      '',
      fenced(errors.text + (errors.cut ? '\n… (cut)' : '')),
      '',
      `</details>\n\nThe whole output is in ${artifactLink(links, 'preview')}.`,
    ].join('\n');
  }
  const head = `${title}: ${countsLine(preview.counts)} · ${policyLine(preview)}`;
  if (preview.changes.length === 0) return head;
  const list = preview.changes.map((c) => `- \`${c.op}\` ${code(c.resource)}`).join('\n');
  const shown = headLines(list, MAX_CHANGES_CHARS);
  const rest = shown.cut
    ? `\n- … ${preview.changes.length - shown.text.split('\n').length} more: every step is in ${artifactLink(links, 'preview')}`
    : '';
  return [
    head,
    '',
    `<details><summary>${plural(preview.changes.length, 'resource')} to change</summary>`,
    '',
    shown.text + rest,
    '',
    '</details>',
  ].join('\n');
}

/** What a section says while its workflow has no result: running, not run, or finished without one. */
function notDone(
  workflow: string,
  result: Exclude<WorkflowResult<object>, { state: 'done' }>,
  what: string,
  notRun: string,
): string {
  switch (result.state) {
    case 'pending':
      return `⏳ pending: \`${workflow}\` has not finished for this commit${result.runUrl ? ` ([run](${result.runUrl}))` : ''}.`;
    case 'not-run':
      return notRun;
    case 'missing':
      return `❌ \`${workflow}\` finished (${result.conclusion}) without ${what}: see [the run](${result.runUrl}).`;
  }
}

function infraSection(input: ReviewInput, environment: string): string {
  const infra = input.infra;
  if (infra.state !== 'done')
    return notDone(
      'infra',
      infra,
      'previews',
      'No infrastructure change: `infra` did not run for this commit.',
    );
  const previews = infra.previews.filter((p) => p.environment === environment);
  if (previews.length === 0)
    return 'No preview: no Pulumi program is affected (pull requests from forks get none).';
  return previews.map((p) => stackBlock(p, infra)).join('\n\n');
}

function fileCounts(files: readonly ManifestFileDiff[]): string {
  const apps = [...new Set(files.map((f) => f.app))];
  const counts = (['added', 'changed', 'removed'] as const)
    .map((status) => [status, files.filter((f) => f.status === status).length] as const)
    .filter(([, n]) => n > 0)
    .map(([status, n]) => `${n} ${status}`)
    .join(', ');
  return `${plural(files.length, 'file')} (${counts}) in ${apps.map(code).join(', ')}`;
}

/** The manifest section of one environment, its diff cut to `budget` characters. */
function manifestSection(
  input: ReviewInput,
  files: readonly ManifestFileDiff[] | undefined,
  budget: number,
): string {
  const manifests = input.manifests;
  if (manifests.state !== 'done')
    return notDone(
      'ci',
      manifests,
      'the manifest diff',
      '⏳ pending: `ci` has not started for this commit.',
    );
  if (!files || files.length === 0) return 'No rendered manifest changes.';
  const patch = files.map((f) => f.patch).join('\n');
  const shown = headLines(patch, budget);
  const note = shown.cut
    ? `\n\n✂️ Cut to fit the comment (${shown.text.length.toLocaleString('en-US')} of ${patch.length.toLocaleString('en-US')} characters): the whole diff is in ${artifactLink(manifests, 'manifest-diff')}.`
    : '';
  return [
    fileCounts(files),
    '',
    '<details><summary>Manifest diff</summary>',
    '',
    shown.text ? fenced(shown.text, 'diff') : '(no room left in the comment for this diff)',
    '',
    `</details>${note}`,
  ].join('\n');
}

/** What a reviewer should look at twice: replacements, deletions, production changes, failures. */
function headline(
  input: ReviewInput,
  manifestFiles: ReadonlyMap<string, readonly ManifestFileDiff[]>,
): string {
  const risks: string[] = [];
  const previews = input.infra.state === 'done' ? input.infra.previews : [];
  for (const preview of previews) {
    const { replacements, deletions } = riskCounts(preview);
    const where = `${code(preview.project)} / ${code(preview.stack)}`;
    if (replacements > 0) risks.push(`🔁 ${replacements} to **replace** in ${where}`);
    if (deletions > 0) risks.push(`🗑️ ${deletions} to **delete** in ${where}`);
    if (!preview.succeeded) risks.push(`❌ the preview of ${where} **failed**`);
  }
  for (const files of manifestFiles.values()) {
    const removed = files.filter((f) => f.status === 'removed');
    if (removed.length > 0)
      risks.push(
        `🗑️ ${plural(removed.length, 'rendered manifest')} **removed** (${code(removed[0]?.path ?? '')}${removed.length > 1 ? ', …' : ''})`,
      );
  }
  for (const environment of input.productionEnvironments) {
    const changed: string[] = [];
    if ((manifestFiles.get(environment)?.length ?? 0) > 0) changed.push('its manifests');
    for (const p of previews.filter((p) => p.environment === environment))
      if (Object.keys(p.counts).length > 0) changed.push(code(p.project));
    if (changed.length > 0) risks.push(`🚨 **${environment}** changes: ${changed.join(', ')}`);
  }
  const pending = [
    input.manifests.state === 'pending' || input.manifests.state === 'not-run' ? '`ci`' : '',
    input.infra.state === 'pending' ? '`infra`' : '',
  ].filter(Boolean);
  const waiting = pending.length > 0 ? `\n\n⏳ Still waiting for ${pending.join(' and ')}.` : '';
  if (risks.length === 0)
    return `✅ Nothing risky found: no replacement, no deletion, no production change.${waiting}`;
  return `**Look twice:**\n\n${risks.map((r) => `- ${r}`).join('\n')}${waiting}`;
}

/**
 * Shares `total` characters among the diffs: each gets what it needs, and what the small ones
 * leave goes to the larger ones (so one huge environment never crowds out a small one).
 */
function shareBudget(needs: ReadonlyMap<string, number>, total: number): Map<string, number> {
  const budgets = new Map<string, number>();
  let left = Math.max(0, total);
  const sorted = [...needs].sort((a, b) => a[1] - b[1]);
  sorted.forEach(([environment, need], index) => {
    const share = Math.floor(left / (sorted.length - index));
    const given = Math.min(need, share);
    budgets.set(environment, given);
    left -= given;
  });
  return budgets;
}

/**
 * The one review comment of a pull request: a headline of what is risky, then per environment
 * the Pulumi preview of every affected program (counts, resources, the policy pack's result) and
 * the rendered manifest diff, cut to fit GitHub's limit with a link to the whole diff.
 */
export function buildReviewComment(input: ReviewInput): string {
  const maxChars = input.maxChars ?? MAX_COMMENT_CHARS;
  const manifestFiles =
    input.manifests.state === 'done'
      ? splitManifestPatch(input.manifests.patch)
      : new Map<string, ManifestFileDiff[]>();
  const environments = [
    ...input.environments,
    ...[...manifestFiles.keys()].filter((e) => !input.environments.includes(e)),
  ];
  const render = (budgets: ReadonlyMap<string, number>) =>
    [
      REVIEW_COMMENT_MARKER,
      `## What this pull request changes (${code(input.headSha.slice(0, 12))})`,
      '',
      headline(input, manifestFiles),
      '',
      ...environments.flatMap((environment) => [
        `### ${code(environment)}`,
        '',
        '#### Infrastructure (Pulumi preview)',
        '',
        infraSection(input, environment),
        '',
        '#### Rendered manifests',
        '',
        manifestSection(input, manifestFiles.get(environment), budgets.get(environment) ?? 0),
        '',
      ]),
    ].join('\n');
  // Everything but the diffs first, then the diffs share what is left.
  const needs = new Map(
    [...manifestFiles].map(([e, files]) => [e, files.map((f) => f.patch).join('\n').length]),
  );
  const frame = render(new Map()).length;
  // Each diff's fence and cut note take some characters beyond the diff itself.
  const overhead = 400 * needs.size;
  const comment = render(shareBudget(needs, maxChars - frame - overhead));
  if (comment.length > maxChars)
    throw new Error(
      `the review comment is ${comment.length} characters, over ${maxChars}, even with every diff cut: too many stacks or environments for one comment`,
    );
  return comment;
}
