import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './cli.js';
import { GitFixture, git, treeState } from './testing/git-fixture.js';
import type { ReleaseContext } from './release-context.js';

let fixture: GitFixture;
let context: ReleaseContext;
beforeAll(async () => {
  fixture = await GitFixture.create(2);
  context = await fixture.clone('cli');
});
afterAll(async () => {
  await fixture.remove();
});

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(
    ['--root', context.root, ...args],
    { out: (l) => out.push(l), err: (l) => err.push(l) },
    fixture.open,
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('release CLI', () => {
  it('bump prints what it committed and exits 0', async () => {
    const result = await run('bump', '--env', 'staging', '--app', 'app-01', '--image-tag', 'cli-1');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(
      /^committed [0-9a-f]{12}: registry\.example\.com\/team\/app-01:1\.0\.0 -> registry\.example\.com\/team\/app-01:cli-1$/,
    );
  });

  it('a repeated bump exits 0 and commits nothing', async () => {
    const head = git(context.root, 'rev-parse', 'HEAD');
    const result = await run('bump', '--env', 'staging', '--app', 'app-01', '--image-tag', 'cli-1');
    expect(result).toMatchObject({
      code: 0,
      out: 'already at registry.example.com/team/app-01:cli-1: nothing to commit',
    });
    expect(git(context.root, 'rev-parse', 'HEAD')).toBe(head);
  });

  it.each([
    [
      ['bump', '--env', 'staging', '--app', 'app-01', '--image-tag', 'latest'],
      "error: tag 'latest' is mutable",
    ],
    [
      ['bump', '--env', 'dev', '--app', 'app-01', '--image-tag', '1'],
      "error: unknown environment 'dev' (known: staging, production)",
    ],
    [
      ['rollback', '--env', 'staging', '--app', 'app-01', '--steps', 'two'],
      "error: option '--steps <n>' argument 'two' is invalid. expected a positive integer",
    ],
    [
      ['diff', '--base', 'HEAD', '--format', 'html'],
      "error: option '--format <format>' argument 'html' is invalid",
    ],
    [
      ['bump', '--app', 'app-01', '--image-tag', '1'],
      "error: required option '--env <env>' not specified",
    ],
  ])('%j fails with one line and exit 1, changing nothing', async (args, message) => {
    const before = treeState(context.root);
    const result = await run(...args);
    expect(result.code).toBe(1);
    expect(result.err.split('\n')[0]).toContain(message);
    expect(result.err).not.toContain('    at ');
    expect(treeState(context.root)).toBe(before);
  });

  it('status prints the table', async () => {
    const result = await run('status');
    expect(result.code).toBe(0);
    expect(result.out.split('\n')).toHaveLength(5);
    expect(result.out).toMatch(
      /^staging\s+app-01\s+registry\.example\.com\/team\/app-01:cli-1\s+[0-9a-f]{12} deploy\(staging\)/m,
    );
  });

  it('diff --format markdown prints the grouped diff', async () => {
    const result = await run('diff', '--base', 'HEAD~1', '--format', 'markdown');
    expect(result.code).toBe(0);
    expect(result.out).toContain('#### `staging/app-01`: 1 changed');
  });
});
