import type * as environments from '@platform/environments';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { stagingConfig } from './testing/config-fixtures.js';
import { runProgram, type ProgramRun } from './testing/run-program.js';
import { WORKSPACE_ROOT } from './testing/workspace.js';

/**
 * The one API that reads the apps is libs/environments' Catalog (it discovers apps/<name>/).
 * Here it is watched, and can be made to find one more app than the workspace has.
 */
const catalog = vi.hoisted(() => ({ reads: 0, extraApp: undefined as string | undefined }));
vi.mock('@platform/environments', async (importOriginal) => {
  const original = await importOriginal<typeof environments>();
  class WatchedCatalog extends original.Catalog {
    static override discover(
      root: string,
      envs?: readonly environments.Environment[],
    ): environments.Catalog {
      catalog.reads += 1;
      const found = original.Catalog.discover(root, envs);
      return catalog.extraApp
        ? new original.Catalog(found.environments, [...found.appNames(), catalog.extraApp])
        : found;
    }
    constructor(...args: ConstructorParameters<typeof original.Catalog>) {
      super(...args);
      catalog.reads += 1;
    }
  }
  return { ...original, Catalog: WatchedCatalog };
});

/** Every registration's inputs, keyed by type and name: what an `up` would create or change. */
const snapshot = (run: ProgramRun) =>
  Object.fromEntries([...run.engine.entries()].map(([key, request]) => [key, request.inputs]));

describe('adding an app changes no bootstrap resource', () => {
  let workspaceApps: readonly string[];
  let before: ProgramRun;
  let after: ProgramRun;
  beforeAll(async () => {
    const actual = await vi.importActual<typeof environments>('@platform/environments');
    workspaceApps = actual.Catalog.discover(WORKSPACE_ROOT).appNames();
    before = await runProgram(stagingConfig(), 'staging');
    catalog.extraApp = 'brand-new-app';
    after = await runProgram(stagingConfig(), 'staging');
    catalog.extraApp = undefined;
  });

  it('never reads the app catalog', () => {
    expect(catalog.reads).toBe(0);
  });

  it('declares identical resources with one more app in the catalog', () => {
    expect(snapshot(after)).toEqual(snapshot(before));
  });

  it("names none of the workspace's apps in any resource: they reach the cluster through git", () => {
    expect(workspaceApps.length).toBeGreaterThan(0);
    const inputs = JSON.stringify(snapshot(before));
    for (const app of workspaceApps) expect(inputs).not.toContain(app);
  });
});
