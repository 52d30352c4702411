import { ImageFileError } from '@platform/image-catalog';
import { formatImageReference } from '@platform/image-ref';
import type { ReleaseContext } from '../release-context.js';

export interface StatusRow {
  readonly environment: string;
  readonly app: string;
  /** The reference, or why there is none (missing or malformed file). */
  readonly image: string;
  /** The short SHA and subject of the commit that last set it. */
  readonly commit: string;
}

/** `status`: environment × app → image reference, and the commit that set it. */
export async function status(context: ReleaseContext): Promise<StatusRow[]> {
  const rows: StatusRow[] = [];
  for (const environment of context.catalog.environmentNames()) {
    for (const app of context.catalog.appNames()) {
      const image = await context.images
        .read(environment, app)
        .then(formatImageReference)
        .catch((error: unknown) => {
          if (error instanceof ImageFileError) return error.missing ? '(none)' : '(malformed)';
          throw error;
        });
      const [last] = await context.git.commitsTouching(
        context.images.relativePath(environment, app),
      );
      rows.push({
        environment,
        app,
        image,
        commit: last ? `${last.sha.slice(0, 12)} ${last.subject}` : '(uncommitted)',
      });
    }
  }
  return rows;
}

export function formatStatus(rows: readonly StatusRow[]): string {
  const table = [
    ['ENVIRONMENT', 'APP', 'IMAGE', 'SET BY'],
    ...rows.map((r) => [r.environment, r.app, r.image, r.commit]),
  ];
  const widths = [0, 1, 2].map((column) =>
    Math.max(...table.map((row) => row[column]?.length ?? 0)),
  );
  return table
    .map((row) => row.map((cell, i) => (i < 3 ? cell.padEnd(widths[i] ?? 0) : cell)).join('  '))
    .join('\n');
}
