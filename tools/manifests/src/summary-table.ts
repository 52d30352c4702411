import { formatImageReference } from '@platform/image-ref';
import type { RenderResult } from './pipeline.js';

/** `environment  app  image  replicas` rows, one per rendered Deployment, as a plain-text table. */
export function summaryTable(result: RenderResult): string {
  const rows = result.files
    .filter((file) => file.object.kind === 'HorizontalPodAutoscaler')
    .map((file) => {
      const [, environment = '', app = ''] = file.file.split('/');
      const spec = file.object['spec'] as { minReplicas?: number; maxReplicas?: number };
      const image = result.images.get(`${environment}/${app}`);
      return [
        environment,
        app,
        image ? formatImageReference(image) : '?',
        `${spec.minReplicas ?? 1}-${spec.maxReplicas ?? '?'}`,
      ];
    });
  const table = [['ENVIRONMENT', 'APP', 'IMAGE', 'REPLICAS'], ...rows];
  const widths =
    table[0]?.map((_, column) => Math.max(...table.map((row) => row[column]?.length ?? 0))) ?? [];
  return table
    .map((row) =>
      row
        .map((cell, column) => cell.padEnd(widths[column] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
