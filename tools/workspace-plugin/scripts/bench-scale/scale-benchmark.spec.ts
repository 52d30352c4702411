import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measure, type Measurement } from './measure.js';
import { createScaleWorkspace, type ScaleWorkspace } from './scale-workspace.js';

/**
 * The benchmark end to end on two services: the real generator, Nx, the render and release
 * CLIs, and git with a bare remote, in a copy of this workspace (about a minute: the same steps
 * as a large run, on a size that only checks they are right).
 */
let workspace: ScaleWorkspace;
let result: Measurement;

beforeAll(async () => {
  workspace = await createScaleWorkspace(2);
  result = measure(workspace);
});
afterAll(() => workspace.remove());

describe('the scale benchmark on two services', () => {
  it('generates the services in the copy, each an app with an image in every environment', () => {
    expect(workspace.services).toHaveLength(2);
    for (const name of workspace.services) {
      for (const file of ['src/routes.ts', 'deploy/src/chart.ts', 'deploy/images/staging.yaml'])
        expect(workspace.copy.exists(`apps/${name}/${file}`)).toBe(true);
      expect(workspace.copy.exists(`manifests/production/${name}`)).toBe(true);
      // Linked as npm would: the new workspace packages resolve to the copy's folders.
      expect(existsSync(join(workspace.copy.root, `node_modules/@platform/${name}-deploy`))).toBe(
        true,
      );
    }
  });

  it('selects only the changed service for a service change, only its chart for a chart change', () => {
    const app = result.affected[0]?.replace('@platform/', '') ?? '';
    expect(workspace.services).toContain(app);
    expect(result.affected).toEqual([`@platform/${app}`]);
    expect(result.affectedByChart).toEqual([`@platform/${app}-deploy`]);
    expect(result.figures.affectedProjects).toBe(1);
    expect(result.figures.affectedChartProjects).toBe(1);
  });

  it('pushes the bump to the bare remote; its commit affects only its chart and the manifests', () => {
    const app = result.affected[0]?.replace('@platform/', '') ?? '';
    expect(result.pushedSubject).toBe(`deploy(staging): ${app} scale-1 -> scale-1-next`);
    expect([...result.affectedByBump].sort()).toEqual([
      `@platform/${app}-deploy`,
      'rendered-manifests',
    ]);
  });

  it('reports every figure as a number of the right kind', () => {
    const { figures } = result;
    expect(figures.services).toBe(2);
    for (const [key, value] of Object.entries(figures)) {
      expect(typeof value, key).toBe('number');
      expect(value, key).toBeGreaterThanOrEqual(0);
    }
    // Every step took time: a wall clock of zero would mean it never ran.
    const seconds = Object.entries(figures).filter(([key]) => key.endsWith('Seconds'));
    expect(seconds.length).toBeGreaterThan(10);
    expect(
      seconds.filter(([key]) => !key.endsWith('CpuSeconds')).map(([, value]) => value > 0),
    ).not.toContain(false);
  });
});
