/**
 * GitLab computes no job matrix at run time, so its jobs loop over lines instead: this turns
 * what the affected programs print for a GitHub matrix (`<name>=<JSON array of objects>`, one
 * line each) into tab-separated lines of the fields asked for, one line per entry.
 */
/** What an optional field's column holds where the entry has none. */
export const ABSENT = '-';

export function matrixLines(
  output: string,
  fields: readonly string[],
  optional: readonly string[] = [],
): string {
  if (fields.length === 0) throw new Error('matrix-lines: give at least one field');
  const lines = output.split('\n').filter((line) => line.trim() !== '');
  if (lines.length !== 1) {
    throw new Error(`matrix-lines: expected one <name>=<json> line, got ${lines.length}`);
  }
  const line = lines[0] ?? '';
  const json = line.slice(line.indexOf('=') + 1);
  let entries: unknown;
  try {
    entries = JSON.parse(json);
  } catch {
    throw new Error(`matrix-lines: '${line.slice(0, 80)}' is not <name>=<json>`);
  }
  if (!Array.isArray(entries)) throw new Error('matrix-lines: the JSON is not an array');
  return entries
    .map((entry: unknown, index) =>
      [...fields, ...optional]
        .map((field) => {
          const value = (entry as Record<string, unknown> | null)?.[field];
          // A field only some entries have (a workload stack's own role): `-` where absent.
          if (optional.includes(field) && (value === undefined || value === '')) {
            return ABSENT;
          }
          if (typeof value !== 'string' || value === '' || /[\t\n]/.test(value)) {
            throw new Error(
              `matrix-lines: entry ${index} has no ${field} that fits a line (${JSON.stringify(value)})`,
            );
          }
          return value;
        })
        .join('\t'),
    )
    .map((row) => `${row}\n`)
    .join('');
}
