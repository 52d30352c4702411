import { formatImageReference } from '@platform/image-ref';
import type { RenderResult } from './pipeline.js';

/**
 * `environment  app  image  replicas`, one row per app deployed in an environment (and one per
 * cluster with its own directory, as `<env>/<cluster>`), as a plain-text table; then the apps
 * that have no image in an environment yet.
 */
export function summaryTable(result: RenderResult): string {
  const rows = result.deployments.flatMap(({ environment, app, image }) => {
    const ofApp = result.files.filter((f) => f.environment === environment && f.app === app);
    const clusters = [...new Set(ofApp.flatMap((f) => (f.cluster ? [f.cluster] : [])))].sort();
    return [undefined, ...clusters].map((cluster) => {
      const replicas = ofApp
        .filter((f) => f.cluster === cluster && f.object.kind === 'HorizontalPodAutoscaler')
        .map((f) => f.object['spec'] as { minReplicas?: number; maxReplicas?: number })
        .map((spec) => `${spec.minReplicas ?? 1}-${spec.maxReplicas ?? '?'}`);
      return [
        cluster === undefined ? environment : `${environment}/${cluster}`,
        app,
        formatImageReference(image),
        replicas.join(', ') || '-',
      ];
    });
  });
  const table = [['ENVIRONMENT', 'APP', 'IMAGE', 'REPLICAS'], ...rows];
  const widths =
    table[0]?.map((_, column) => Math.max(...table.map((row) => row[column]?.length ?? 0))) ?? [];
  const lines = table.map((row) =>
    row
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd(),
  );
  for (const { environment, app } of result.undeployed) {
    lines.push(`not in ${environment}: ${app} (no image there yet: release bump or promote)`);
  }
  return lines.join('\n');
}
