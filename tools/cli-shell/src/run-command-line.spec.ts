import { describe, expect, it } from 'vitest';
import type { CliIo } from './cli-io.js';
import { commandLine, rootOption } from './command-line.js';
import { EXIT, inputErrors, runCommandLine } from './run-command-line.js';

class BadInputError extends Error {}

/** A two-command program whose actions do what each case needs, writing to a captured io. */
function run(argv: string[], action: (root: string) => void = () => undefined) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (line) => out.push(line), err: (line) => err.push(line) };
  const program = commandLine('demo', 'A demo command line.', io);
  const root = rootOption(program, (cwd) => `nearest(${cwd})`);
  program.command('go').action(() => action(root()));
  program.command('other').requiredOption('--name <name>', 'a name');
  return runCommandLine(program, argv, io, inputErrors(BadInputError)).then((code) => ({
    code,
    out: out.join('\n'),
    err: err.join('\n'),
  }));
}

describe('runCommandLine', () => {
  it('exits 0 when the action succeeds, with --root or the nearest root of the cwd', async () => {
    const roots: string[] = [];
    expect(await run(['go'], (root) => roots.push(root))).toEqual({
      code: EXIT.ok,
      out: '',
      err: '',
    });
    expect((await run(['--root', '/w', 'go'], (root) => roots.push(root))).code).toBe(EXIT.ok);
    expect(roots).toEqual([`nearest(${process.cwd()})`, '/w']);
  });

  it('prints an input error as its message alone and exits 1', async () => {
    const result = await run(['go'], () => {
      throw new BadInputError('no such environment: prod');
    });
    expect(result).toEqual({ code: EXIT.failed, out: '', err: 'error: no such environment: prod' });
  });

  it('prints any other error with its stack, as a bug, and exits 1', async () => {
    const result = await run(['go'], () => {
      throw new TypeError('undefined is not a function');
    });
    expect(result.code).toBe(EXIT.failed);
    expect(result.err).toMatch(/^unexpected error: TypeError: undefined is not a function\n\s+at /);
  });

  it("keeps commander's message and exit code for a usage error and for --help", async () => {
    expect(await run(['other'])).toEqual({
      code: 1,
      out: '',
      err: "error: required option '--name <name>' not specified",
    });
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.out).toContain('Usage: demo [options] [command]');
    expect(help.err).toBe('');
  });
});
