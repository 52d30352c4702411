import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkFreshness, validateOnDisk } from './pipeline.js';
import { openWorkspace } from './workspace.js';

/** The repository this test runs in, whatever apps and environments it holds today. */
const WORKSPACE_ROOT = fileURLToPath(new URL('../../..', import.meta.url));

describe('the committed workspace', () => {
  it('renders exactly what manifests/ holds (run `npm run synth` and commit if not)', async () => {
    expect(await checkFreshness(openWorkspace(WORKSPACE_ROOT))).toEqual({
      added: [],
      changed: [],
      removed: [],
    });
  }, 60_000);

  it('validates with zero problems', async () => {
    expect((await validateOnDisk(openWorkspace(WORKSPACE_ROOT))).problems).toEqual([]);
  }, 60_000);
});
