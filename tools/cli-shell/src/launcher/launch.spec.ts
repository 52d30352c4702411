import { spawnSync } from 'node:child_process';
import {
  appendFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bundleCli, CACHE_DIRECTORY, workspaceLibrariesOf, workspaceRootOf } from './launch.mjs';
import { LAUNCHER_KEY } from './module-importer.js';

const LAUNCHER = fileURLToPath(new URL('./launch.mjs', import.meta.url));

/**
 * A workspace of three packages, as npm links them: a library with a class and a load counter,
 * the command line (`@fx/cli`) that imports it, a CommonJS and an ES-module package in
 * node_modules, and a chart-like module outside the command line's graph that imports all of
 * them. The command line imports the chart through the launcher and prints what it sees.
 */
const FILES: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'fixture', private: true, workspaces: ['pkgs/*'] }),
  'package-lock.json': '{}',
  'pkgs/lib/package.json': JSON.stringify({
    name: '@fx/lib',
    type: 'module',
    exports: { '.': './src/index.ts' },
    dependencies: { '@fx/base': '0.0.0' },
  }),
  'pkgs/lib/src/index.ts': [
    "import { baseName } from '@fx/base';",
    "export { greeting } from './greeting.js';",
    'export class Shape {}',
    'export const loads: { count: number } = ((globalThis as any).__loads ??= { count: 0 });',
    'loads.count += 1;',
    'export const base: string = baseName;',
  ].join('\n'),
  'pkgs/lib/src/greeting.ts': "export const greeting: string = 'hello';\n",
  // The string form of `exports`.
  'pkgs/base/package.json': JSON.stringify({
    name: '@fx/base',
    type: 'module',
    exports: './src/index.ts',
  }),
  'pkgs/base/src/extra.ts': "export const baseName: string = 'extra';\n",
  'tsconfig.base.json': JSON.stringify({ compilerOptions: { strict: true } }),
  'pkgs/lib/tsconfig.json': JSON.stringify({ extends: '../../tsconfig.base.json' }),
  'pkgs/base/src/index.ts': "export const baseName: string = 'base';\n",
  'pkgs/cli/package.json': JSON.stringify({
    name: '@fx/cli',
    type: 'module',
    dependencies: { '@fx/lib': '0.0.0' },
  }),
  'pkgs/cli/src/main.ts': [
    "import { Shape, loads, greeting } from '@fx/lib';",
    "import { token } from 'fake-cjs';",
    "import { esm } from 'fake-esm';",
    `const runtime = (globalThis as any)[Symbol.for('${LAUNCHER_KEY}')];`,
    'const [chart] = await runtime.importModules([process.argv[2]]);',
    'console.log(JSON.stringify({',
    '  argv: process.argv.slice(2).map((arg) => arg.replace(/^.*\\//, "")),',
    '  sameClass: chart.default.prototype instanceof Shape,',
    '  libraryLoads: loads.count,',
    '  sameCommonJs: chart.token === token,',
    '  sameEsModule: chart.esm === esm,',
    '  greeting,',
    '  own: chart.own,',
    '}));',
  ].join('\n'),
  'apps/web/chart.ts': [
    "import { Shape } from '@fx/lib';",
    "import { token } from 'fake-cjs';",
    "import { esm } from 'fake-esm';",
    "import { own } from './own.js';",
    'export default class WebChart extends Shape {}',
    'export { token, esm, own };',
  ].join('\n'),
  'apps/web/own.ts': "export const own: string = 'own file';\n",
  'apps/api/.keep': '',
  'node_modules/fake-cjs/package.json': JSON.stringify({ name: 'fake-cjs', main: 'index.js' }),
  'node_modules/fake-cjs/index.js': 'exports.token = { commonJs: true };\n',
  'node_modules/fake-esm/package.json': JSON.stringify({
    name: 'fake-esm',
    type: 'module',
    exports: './index.js',
  }),
  'node_modules/fake-esm/index.js': 'export const esm = { esModule: true };\n',
};

let root: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'launcher-'));
  for (const [file, content] of Object.entries(FILES)) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), content);
  }
  mkdirSync(join(root, 'node_modules/@fx'));
  for (const name of ['lib', 'base', 'cli'])
    symlinkSync(join(root, 'pkgs', name), join(root, 'node_modules/@fx', name));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function launch(...args: string[]) {
  const result = spawnSync(process.execPath, [LAUNCHER, ...args], { cwd: root, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The cache directory of the fixture's one entry. */
function slotOf(): string {
  const [slot] = readdirSync(join(root, CACHE_DIRECTORY));
  return slot ?? '';
}

/** The build directories of the fixture's one entry. */
function builds(): string[] {
  return readdirSync(join(root, CACHE_DIRECTORY, slotOf())).filter((name) =>
    name.startsWith('build-'),
  );
}

describe('workspace-cli', () => {
  it('runs the entry bundled, with its arguments, sharing its libraries and packages with the modules it imports', () => {
    const run = launch('pkgs/cli/src/main.ts', join(root, 'apps/web/chart.ts'));
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      argv: ['chart.ts'],
      // The chart's class extends the command line's own Shape, loaded once.
      sameClass: true,
      libraryLoads: 1,
      sameCommonJs: true,
      sameEsModule: true,
      greeting: 'hello',
      own: 'own file',
    });
    // Outside the bundle, by absolute path: the CommonJS package required (Node does not scan
    // a required module for its exports), the ES module imported.
    const [build] = builds();
    const main = readFileSync(
      join(root, CACHE_DIRECTORY, slotOf(), build ?? '', 'main.js'),
      'utf8',
    );
    expect(main).toContain(
      `require(${JSON.stringify(join(root, 'node_modules/fake-cjs/index.js'))})`,
    );
    expect(main).toContain(
      `from ${JSON.stringify(pathToFileURL(join(root, 'node_modules/fake-esm/index.js')).href)}`,
    );
  });

  it('reuses a build until a file it read changes; keeps the last two, and others used in the last ten minutes', () => {
    const chart = join(root, 'apps/web/chart.ts');
    expect(launch('pkgs/cli/src/main.ts', chart).status).toBe(0);
    const [first] = builds();
    expect(launch('pkgs/cli/src/main.ts', chart).status).toBe(0);
    expect(builds()).toEqual([first]);

    // A file of a library the entry reaches through another.
    appendFileSync(join(root, 'pkgs/base/src/index.ts'), 'export const more = 1;\n');
    expect(launch('pkgs/cli/src/main.ts', chart).status).toBe(0);
    const [second] = builds().filter((name) => name !== first);
    expect(second).toBeDefined();

    appendFileSync(join(root, 'pkgs/lib/src/greeting.ts'), 'export const again = 2;\n');
    expect(launch('pkgs/cli/src/main.ts', chart).status).toBe(0);
    // The first was used a moment ago: a run may still be importing from it.
    expect(builds()).toHaveLength(3);

    const elevenMinutesAgo = new Date(Date.now() - 11 * 60 * 1000);
    for (const build of builds())
      utimesSync(join(root, CACHE_DIRECTORY, slotOf(), build), elevenMinutesAgo, elevenMinutesAgo);
    appendFileSync(join(root, 'pkgs/lib/src/greeting.ts'), 'export const third = 3;\n');
    expect(launch('pkgs/cli/src/main.ts', chart).status).toBe(0);
    expect(builds()).toHaveLength(2);
    expect(builds()).not.toContain(first);
    expect(builds()).not.toContain(second);
  });

  it('makes one build of the same files when two runs build at once', async () => {
    const entry = join(root, 'pkgs/cli/src/main.ts');
    const [one, other] = await Promise.all([bundleCli(root, entry), bundleCli(root, entry)]);
    expect(one.directory).toBe(other.directory);
    expect(builds()).toEqual([one.directory.split('/').at(-1)]);
    // No half-written build left either.
    expect(readdirSync(join(root, CACHE_DIRECTORY, slotOf())).sort()).toEqual([
      one.directory.split('/').at(-1),
      'current.json',
    ]);
  });

  it('stores each bundled module by its hash, touches it when used, removes those unused for a week', () => {
    const chart = join(root, 'apps/web/chart.ts');
    expect(launch('pkgs/cli/src/main.ts', chart).status).toBe(0);
    const [build] = builds();
    const modules = join(root, CACHE_DIRECTORY, slotOf(), build ?? '', 'modules');
    const [first] = readdirSync(modules);
    expect(first).toMatch(/^chart-\w+\.js$/);
    const weekAgo = new Date(Date.now() - 8 * 24 * 3600 * 1000);
    utimesSync(join(modules, first ?? ''), weekAgo, weekAgo);
    expect(launch('pkgs/cli/src/main.ts', chart).status).toBe(0);
    expect(readdirSync(modules)).toEqual([first]);
    expect(statSync(join(modules, first ?? '')).mtimeMs).toBeGreaterThan(weekAgo.getTime());

    writeFileSync(join(modules, 'chart-OLD.js'), '');
    utimesSync(join(modules, 'chart-OLD.js'), weekAgo, weekAgo);
    appendFileSync(join(root, 'apps/web/own.ts'), 'export const more = 1;\n');
    expect(launch('pkgs/cli/src/main.ts', chart).status).toBe(0);
    const now = readdirSync(modules);
    expect(now).toHaveLength(2);
    expect(now).toContain(first);
    expect(now).not.toContain('chart-OLD.js');
  });

  it("imports an unchanged module's earlier bundle, until one of its files or their configuration changes", () => {
    const chart = join(root, 'apps/web/chart.ts');
    const ownOfRun = () =>
      (JSON.parse(launch('pkgs/cli/src/main.ts', chart).stdout) as { own: string }).own;
    expect(ownOfRun()).toBe('own file');
    const [build] = builds();
    const modules = join(root, CACHE_DIRECTORY, slotOf(), build ?? '', 'modules');
    const file = join(modules, readdirSync(modules)[0] ?? '');
    // Doctor the stored module: a run that imports it without bundling again shows it.
    const doctor = () =>
      writeFileSync(file, readFileSync(file, 'utf8').replace('"own file"', '"the stored one"'));
    doctor();
    expect(ownOfRun()).toBe('the stored one');

    // A tsconfig where there was none: bundled again, the same bytes, the stored file mended.
    writeFileSync(join(root, 'apps/web/tsconfig.json'), '{}');
    expect(ownOfRun()).toBe('own file');
    doctor();
    expect(ownOfRun()).toBe('the stored one');
    appendFileSync(join(root, 'apps/web/own.ts'), '// changed\n');
    expect(ownOfRun()).toBe('own file');
  });

  it('bundles a module again when any file of its import graph or configuration changes, bytes or not', () => {
    writeFileSync(
      join(root, 'apps/api/chart.ts'),
      [
        "import { Shape } from '@fx/lib';",
        "import { Level } from './level.js';",
        "import note from './note.txt';",
        'export default class ApiChart extends Shape {}',
        'export const own = `${Level.A}:${note}`;',
      ].join('\n'),
    );
    // A const enum is inlined: its file adds no bytes to the bundle.
    writeFileSync(join(root, 'apps/api/level.ts'), 'export const enum Level { A = 1 }\n');
    writeFileSync(join(root, 'apps/api/note.txt'), 'v1');
    mkdirSync(join(root, 'configs'));
    writeFileSync(join(root, 'configs/base.json'), '{ "compilerOptions": {} }');
    writeFileSync(
      join(root, 'apps/api/tsconfig.json'),
      '{\n  // beside the app, outside its directories\n  "extends": "../../configs/base.json"\n}',
    );
    const chart = join(root, 'apps/api/chart.ts');
    const ownOfRun = () =>
      (JSON.parse(launch('pkgs/cli/src/main.ts', chart).stdout) as { own: string }).own;
    expect(ownOfRun()).toBe('1:v1');
    writeFileSync(join(root, 'apps/api/level.ts'), 'export const enum Level { A = 2 }\n');
    expect(ownOfRun()).toBe('2:v1');
    writeFileSync(join(root, 'apps/api/note.txt'), 'v2');
    expect(ownOfRun()).toBe('2:v2');

    const records = join(root, CACHE_DIRECTORY, slotOf(), builds()[0] ?? '', 'records');
    const record = readdirSync(records)
      .map(
        (name) =>
          JSON.parse(readFileSync(join(records, name), 'utf8')) as { file: string; inputs: object },
      )
      .find(({ file }) => file === 'apps/api/chart.ts');
    expect(Object.keys(record?.inputs ?? {})).toEqual(
      expect.arrayContaining([
        'apps/api/level.ts',
        'apps/api/note.txt',
        'apps/api/tsconfig.json',
        'configs/base.json',
      ]),
    );
  });

  it('is the same workspace through a symbolic link to its root', () => {
    const link = `${root}-link`;
    symlinkSync(root, link);
    try {
      const run = () =>
        spawnSync(
          process.execPath,
          [LAUNCHER, join(link, 'pkgs/cli/src/main.ts'), join(link, 'apps/web/chart.ts')],
          { cwd: tmpdir(), encoding: 'utf8' },
        );
      expect(JSON.parse(run().stdout)).toMatchObject({ own: 'own file', sameClass: true });
      writeFileSync(join(root, 'apps/web/own.ts'), "export const own: string = 'edited';\n");
      expect(JSON.parse(run().stdout)).toMatchObject({ own: 'edited' });
    } finally {
      rmSync(link, { force: true });
    }
  });

  it.each([
    ['the lockfile (where the external packages are)', 'package-lock.json', '{"v": 3}'],
    ['a tsconfig a bundled file extends', 'tsconfig.base.json', '{"compilerOptions": {}}'],
    ['a tsconfig.json created where there was none', 'pkgs/cli/src/tsconfig.json', '{}'],
    [
      "a library's package.json",
      'pkgs/base/package.json',
      '{"name": "@fx/base", "type": "module", "exports": "./src/extra.ts"}',
    ],
  ])('reuses a build until %s changes', async (_what, file, content) => {
    const entry = join(root, 'pkgs/cli/src/main.ts');
    const first = await bundleCli(root, entry);
    expect(first.reused).toBe(false);
    expect((await bundleCli(root, entry)).reused).toBe(true);
    writeFileSync(join(root, file), content);
    const rebuilt = await bundleCli(root, entry);
    expect(rebuilt.reused).toBe(false);
    expect(rebuilt.directory).not.toBe(first.directory);
    expect((await bundleCli(root, entry)).reused).toBe(true);
  });

  it('builds again over a damaged record', async () => {
    const entry = join(root, 'pkgs/cli/src/main.ts');
    await bundleCli(root, entry);
    writeFileSync(join(root, CACHE_DIRECTORY, slotOf(), 'current.json'), '{"key": ');
    expect((await bundleCli(root, entry)).reused).toBe(false);
    expect((await bundleCli(root, entry)).reused).toBe(true);
  });

  it('imports a module named by a relative path or through a symbolic link as the same one', () => {
    symlinkSync(join(root, 'apps'), join(root, 'linked-apps'));
    for (const chart of ['apps/web/chart.ts', join(root, 'linked-apps/web/chart.ts')]) {
      const run = launch('pkgs/cli/src/main.ts', chart);
      expect(run.stderr).toBe('');
      expect(JSON.parse(run.stdout)).toMatchObject({ sameClass: true, libraryLoads: 1 });
    }
  });

  it('refuses a module that imports a subpath of a shared library, which would be a copy', () => {
    writeFileSync(
      join(root, 'apps/web/own.ts'),
      "export { baseName as own } from '@fx/base/src/index.ts';\n",
    );
    const run = launch('pkgs/cli/src/main.ts', join(root, 'apps/web/chart.ts'));
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /apps\/web\/own\.ts:1:\d+: '@fx\/base\/src\/index\.ts' is a subpath of @fx\/base, which the command line shares/,
    );
  });

  it('names the file and line esbuild cannot bundle, exits 1 and leaves no build behind', () => {
    writeFileSync(join(root, 'pkgs/lib/src/greeting.ts'), 'export const greeting = ;\n');
    const run = launch('pkgs/cli/src/main.ts', join(root, 'apps/web/chart.ts'));
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(
      /^error: cannot bundle pkgs\/cli\/src\/main\.ts:\npkgs\/lib\/src\/greeting\.ts:1:\d+: Unexpected ";"\n$/,
    );
    expect(readdirSync(join(root, CACHE_DIRECTORY, slotOf()))).toEqual([]);
  });

  it('names the module it cannot bundle at run time', () => {
    writeFileSync(join(root, 'apps/web/own.ts'), 'export const own: string = ;\n');
    const run = launch('pkgs/cli/src/main.ts', join(root, 'apps/web/chart.ts'));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('cannot bundle apps/web/chart.ts:\napps/web/own.ts:1:');
  });

  it('refuses a missing entry and no entry, with the usage', () => {
    expect(launch('pkgs/cli/src/nothing.ts')).toMatchObject({
      status: 1,
      stderr: 'error: no such entry: pkgs/cli/src/nothing.ts\n',
    });
    expect(launch()).toMatchObject({
      status: 1,
      stderr: 'error: usage: workspace-cli <entry.ts> [arguments…]\n',
    });
  });
});

describe('workspaceLibrariesOf', () => {
  it("is every workspace package the entry's package depends on, through one another, by main entry", () => {
    expect(workspaceLibrariesOf(root, join(root, 'pkgs/cli/src/main.ts'))).toEqual(
      new Map([
        ['@fx/lib', join(root, 'pkgs/lib/src/index.ts')],
        ['@fx/base', join(root, 'pkgs/base/src/index.ts')],
      ]),
    );
  });
});

describe('workspaceRootOf', () => {
  it('is the nearest directory whose package.json declares workspaces', () => {
    expect(workspaceRootOf(join(root, 'pkgs/cli/src'))).toBe(root);
  });

  it('refuses a directory in no workspace', () => {
    const outside = mkdtempSync(join(tmpdir(), 'no-workspace-'));
    try {
      expect(() => workspaceRootOf(outside)).toThrow(/no npm workspace .* at or above/);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
