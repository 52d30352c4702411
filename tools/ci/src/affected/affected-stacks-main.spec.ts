import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { engineClusterStack, workspaceEnvironments } from '@platform/environments';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const run = (main: string, args: readonly string[]) =>
  execFileSync(
    join(root, 'node_modules/.bin/tsx'),
    [join(root, 'tools/ci/src/affected', main), ...args],
    {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
/** `name=<json>` lines, as $GITHUB_OUTPUT reads them. */
const outputs = (text: string) =>
  Object.fromEntries(
    text
      .trim()
      .split('\n')
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );

describe('affected-stacks-main on the workspace (what infra.yml and drift.yml read)', () => {
  it('--per-environment: one output per environment, its stacks in apply order', () => {
    const printed = outputs(run('affected-stacks-main.ts', ['--all', '--per-environment']));
    expect(Object.keys(printed)).toEqual(workspaceEnvironments.map((e) => e.name));
    for (const environment of workspaceEnvironments) {
      const targets = JSON.parse(printed[environment.name] ?? '') as {
        dir: string;
        stack: string;
        environment: string;
      }[];
      // The workspace's environments have one cluster each: the stack named after them.
      expect(targets.map((t) => [t.dir, t.stack, t.environment])).toEqual([
        ['infra/cluster', environment.name, environment.name],
        ['infra/bootstrap', environment.name, environment.name],
      ]);
    }
  }, 30_000);

  it('--every-environment: one list; without an environment flag, the programs as before', () => {
    const every = outputs(
      run('affected-stacks-main.ts', [
        '--all',
        '--every-environment',
        '--role',
        'preview',
        '--exclude',
        'infra/bootstrap',
        '--output',
        'preview',
      ]),
    );
    expect((JSON.parse(every['preview'] ?? '') as { stack: string }[]).map((t) => t.stack)).toEqual(
      workspaceEnvironments.map((e) => e.name),
    );
    const programs = outputs(run('affected-stacks-main.ts', ['--all']));
    expect(JSON.parse(programs['programs'] ?? '')).toEqual([
      { dir: 'infra/cluster', project: '@platform/infra-cluster', name: 'infra-cluster' },
      { dir: 'infra/bootstrap', project: '@platform/infra-bootstrap', name: 'infra-bootstrap' },
    ]);
  }, 30_000);

  it('refuses an environment the data does not have, naming it', () => {
    expect(() => run('affected-stacks-main.ts', ['--all', '--environment', 'nowhere'])).toThrow(
      "--environment 'nowhere' is not an environment of libs/environments",
    );
  }, 30_000);
});

describe('engine-stack-main (drift.yml’s gitops job)', () => {
  it('prints the engine’s stack and region for $GITHUB_OUTPUT', () => {
    for (const environment of workspaceEnvironments) {
      expect(run('engine-stack-main.ts', ['--environment', environment.name])).toBe(
        `stack=${engineClusterStack(environment).stack}\nregion=${engineClusterStack(environment).region ?? ''}\n`,
      );
    }
  }, 30_000);
});
