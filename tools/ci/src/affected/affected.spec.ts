import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { planAffected } from './affected.js';

let repo: string;
const git = (...args: string[]) => execFileSync('git', args, { cwd: repo }).toString().trim();
const commit = async (file: string) => {
  await writeFile(join(repo, file), file);
  git('add', file);
  git('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-qm', file);
  return git('rev-parse', 'HEAD');
};

beforeEach(async () => {
  repo = await mkdtemp(join(tmpdir(), 'affected-'));
  git('init', '-q', '-b', 'main');
});
afterEach(async () => {
  await rm(repo, { recursive: true, force: true });
});

describe('planAffected', () => {
  it('runs only affected projects against a base that exists', async () => {
    const base = await commit('a');
    const head = await commit('b');
    const plan = planAffected({ targets: ['lint', 'test'], base: 'HEAD~1', cwd: repo });
    expect(plan).toEqual({
      mode: 'affected',
      base,
      head,
      args: [
        'affected',
        '-t',
        'lint',
        'test',
        '--outputStyle=static',
        `--base=${base}`,
        `--head=${head}`,
      ],
    });
  });

  it('falls back to every project in a one-commit clone', async () => {
    await commit('a');
    const plan = planAffected({ targets: ['test'], base: 'HEAD~1', cwd: repo });
    expect(plan.mode).toBe('all');
    expect(plan.args).toEqual(['run-many', '-t', 'test', '--outputStyle=static']);
    expect(plan.mode === 'all' && plan.reason).toContain(
      "base 'HEAD~1' is not a commit in this clone",
    );
  });

  it('falls back when the base shares no history with HEAD', async () => {
    await commit('a');
    git('checkout', '-q', '--orphan', 'other');
    await commit('b');
    const plan = planAffected({ targets: ['test'], base: 'main', cwd: repo });
    expect(plan.mode === 'all' && plan.reason).toContain('shares no history');
  });

  it('passes extra arguments to nx unchanged', async () => {
    await commit('a');
    await commit('b');
    expect(
      planAffected({ targets: ['test'], base: 'HEAD~1', cwd: repo, extra: ['--parallel=2'] }).args,
    ).toContain('--parallel=2');
  });

  it('refuses an empty target list', () => {
    expect(() => planAffected({ targets: [], cwd: repo })).toThrow('give at least one target');
  });
});
