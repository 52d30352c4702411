import { describe, expect, it } from 'vitest';
import { setEngine } from './set-engine.js';

const FILE = [
  'export const workspaceEnvironments: readonly Environment[] = [',
  '  {',
  "    name: 'qa',",
  "    description: 'first',",
  '  },',
  '  {',
  "    name: 'live',",
  "    engine: 'argocd',",
  "    description: 'second',",
  '  },',
  '];',
  '',
].join('\n');

describe('setEngine', () => {
  it("adds the engine to one environment's entry, and nothing else changes", () => {
    const next = setEngine(FILE, 'qa', 'flux');
    expect(next).toBe(FILE.replace("    name: 'qa',\n", "    name: 'qa',\n    engine: 'flux',\n"));
  });

  it('replaces an engine already set', () => {
    const next = setEngine(FILE, 'live', 'flux');
    expect(next).toContain("    name: 'live',\n    engine: 'flux',\n    description: 'second',");
    expect(next.match(/engine:/g)).toHaveLength(1);
  });

  it('refuses an unknown engine and an environment the file does not declare once, naming them', () => {
    expect(() => setEngine(FILE, 'qa', 'fluxcd')).toThrow(
      "--engine 'fluxcd' is not one of argocd, flux",
    );
    expect(() => setEngine(FILE, 'staging', 'flux')).toThrow(
      "declares 0 environments named 'staging', not exactly one",
    );
  });

  it("rewrites the workspace's own file as prettier writes it", async () => {
    const { readFile } = await import('node:fs/promises');
    const text = await readFile(
      new URL('../../../../libs/environments/src/environments.ts', import.meta.url),
      'utf8',
    );
    const first = /name: '([a-z0-9-]+)'/.exec(text)?.[1] ?? '';
    expect(setEngine(text, first, 'flux')).toContain(`name: '${first}',\n    engine: 'flux',`);
  });
});
