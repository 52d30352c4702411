/** The longest preview text one section holds; the rest is in the run's log. */
export const MAX_PREVIEW_CHARS = 30_000;

export interface PreviewSection {
  readonly project: string;
  readonly stack: string;
  /** What `pulumi preview` printed (tools/ci/bin/pulumi-stack.sh keeps it). */
  readonly preview: string;
}

/** The "Resources:" summary lines of a Pulumi preview (`+ 2 to create`, `3 unchanged`). */
export function resourceSummary(preview: string): string[] {
  const lines = preview.split('\n');
  const start = lines.findIndex((line) => line.trim() === 'Resources:');
  if (start === -1) return [];
  const summary: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (!/^\s+\S/.test(line)) break;
    summary.push(line.trim());
  }
  return summary;
}

/**
 * One stack's section of the pull-request comment: the resource summary (or that the preview
 * failed) and the whole output, cut at MAX_PREVIEW_CHARS, in a code fence no backtick run in the
 * output can close (the text comes from pull-request code: it stays text).
 */
export function previewSection({ project, stack, preview }: PreviewSection): string {
  const summary = resourceSummary(preview);
  const body =
    preview.length > MAX_PREVIEW_CHARS
      ? `${preview.slice(0, MAX_PREVIEW_CHARS)}\n… (cut: the whole preview is in the run's log)`
      : preview;
  const longestRun = Math.max(0, ...[...body.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(Math.max(3, longestRun + 1));
  return [
    `### Pulumi preview: \`${project}\` / \`${stack}\``,
    '',
    summary.length > 0
      ? summary.map((line) => `- ${line}`).join('\n')
      : '**The preview failed** (no resource summary): see the output.',
    '',
    '<details><summary>Output</summary>',
    '',
    fence,
    body.trimEnd(),
    fence,
    '',
    '</details>',
    '',
  ].join('\n');
}
