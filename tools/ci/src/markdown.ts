/**
 * Markdown helpers for text that comes from pull-request code (patches, Pulumi output): it must
 * stay text, so it goes into code fences no backtick run inside it can close.
 */
export function fenced(text: string, language = ''): string {
  const longestRun = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(Math.max(3, longestRun + 1));
  return `${fence}${language}\n${text.trimEnd()}\n${fence}`;
}

/** Inline code for a short name (a path, a resource): backticks and line breaks cannot break out. */
export function code(text: string): string {
  const clean = text.replace(/[\r\n]+/g, ' ');
  const longestRun = Math.max(0, ...[...clean.matchAll(/`+/g)].map((m) => m[0].length));
  const ticks = '`'.repeat(longestRun + 1);
  return longestRun > 0 ? `${ticks} ${clean} ${ticks}` : `${ticks}${clean}${ticks}`;
}

/** The first lines of `text` that fit in `maxChars` (never half a line), and whether it was cut. */
export function headLines(text: string, maxChars: number): { text: string; cut: boolean } {
  if (text.length <= maxChars) return { text, cut: false };
  const slice = text.slice(0, Math.max(0, maxChars));
  const lastBreak = slice.lastIndexOf('\n');
  return { text: lastBreak > 0 ? slice.slice(0, lastBreak) : '', cut: true };
}
