import { workspaceRepository } from '@platform/environments';
import { platformPath } from '@platform/platform';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { stagingConfig } from './testing/config-fixtures.js';
import { runProgram, type ProgramRun } from './testing/run-program.js';
import { WORKSPACE_ROOT } from './testing/workspace.js';

/** Every git source (`repoURL`, with its revision) of the rendered `_platform/` of `environment`. */
function renderedGitSources(environment: string): { repoURL: string; revision: unknown }[] {
  const directory = join(WORKSPACE_ROOT, platformPath(environment));
  const found: { repoURL: string; revision: unknown }[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (value === null || typeof value !== 'object') return;
    const record = value as Record<string, unknown>;
    const repoURL = record['repoURL'];
    // Helm sources name a chart; the repository's own sources name a path or directories.
    if (typeof repoURL === 'string' && !('chart' in record)) {
      found.push({ repoURL, revision: record['targetRevision'] ?? record['revision'] });
    }
    Object.values(record).forEach(visit);
  };
  for (const file of readdirSync(directory).filter((name) => name.endsWith('.yaml'))) {
    for (const document of parseAllDocuments(readFileSync(join(directory, file), 'utf8'))) {
      visit(document.toJS());
    }
  }
  return found;
}

describe("bootstrap names the repository exactly as git's platform layer does", () => {
  let run: ProgramRun;
  beforeAll(async () => {
    // No repository given: the program's own default, libs/environments' workspaceRepository.
    run = await runProgram(stagingConfig(), 'staging');
  });

  it("gives the repository Secret the workspace's URL, the text Argo CD matches credentials by", () => {
    const secret = run.recorder.find('kubernetes:core/v1:Secret', 'argocd-repository').inputs;
    expect(secret.stringData.value.url).toBe(workspaceRepository.url);
  });

  it("points the root Application at the workspace's URL and revision", () => {
    const root = run.recorder.find(
      'kubernetes:argoproj.io/v1alpha1:Application',
      'platform-application',
    ).inputs;
    expect(root.spec.source).toMatchObject({
      repoURL: workspaceRepository.url,
      targetRevision: workspaceRepository.revision,
    });
  });

  it('agrees with every git source of the rendered manifests/staging/_platform/', () => {
    const sources = renderedGitSources('staging');
    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources) {
      expect(source).toEqual({
        repoURL: workspaceRepository.url,
        revision: workspaceRepository.revision,
      });
    }
  });
});
