#!/usr/bin/env node
// @ts-check
/**
 * `workspace-cli <entry.ts> [arguments…]`: runs one of the workspace's command lines as one
 * bundle instead of through a TypeScript loader. A render loads some 150 TypeScript files of the
 * workspace and 450 modules of its packages; through tsx that is most of a one-app render's
 * time, since each file is resolved and transformed on every run. Here esbuild bundles the entry
 * and the workspace libraries it depends on once, into `node_modules/.cache/workspace-cli/`,
 * reused until a file it read changes (their hashes are kept beside it); the packages of
 * node_modules stay outside the bundle and load as they would without it.
 *
 * JavaScript, type-checked from its JSDoc (tsconfig `checkJs`): Node runs it as it is, and even
 * Node's own TypeScript stripping would cost a tenth of a one-app render to start.
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { createRequire, enableCompileCache } from 'node:module';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

/** @typedef {import('./module-importer.js').LauncherRuntime} LauncherRuntime */
/** @typedef {import('esbuild').BuildOptions} BuildOptions */
/** @typedef {import('esbuild').Message} Message */
/** @typedef {import('esbuild').Plugin} Plugin */

/** @type {typeof import('./module-importer.js').LAUNCHER_KEY} module-importer.ts's key (the type says it is the same string). */
const KEY = '@platform/cli-shell/launcher';

/**
 * esbuild's version, part of every build's key. esbuild itself is imported only to build: a run
 * whose bundles are all current does not load it (a tenth of a one-app render).
 */
const ESBUILD_VERSION = /** @type {{ version: string }} */ (
  createRequire(import.meta.url)('esbuild/package.json')
).version;

/** @returns {Promise<typeof import('esbuild')>} */
const esbuild = () => import('esbuild');

/** This file's own hash, part of every build's key: a launcher that bundles differently rebuilds. */
const LAUNCHER = createHash('sha256')
  .update(readFileSync(import.meta.filename))
  .digest('hex');

/** Where the bundles live, under the workspace root: a cache (git ignores it, npm ci empties it). */
export const CACHE_DIRECTORY = 'node_modules/.cache/workspace-cli';

/** The build record of one entry, beside its builds. */
const RECORD = 'current.json';

/** The ES-module bundle's `require`: external CommonJS packages are required through it. */
const REQUIRE_BANNER =
  "import { createRequire as __workspaceCliRequire } from 'node:module';\n" +
  'const require = __workspaceCliRequire(import.meta.url);';

/** The launcher cannot bundle or start a command line; its message says why. */
export class LauncherError extends Error {
  /** @override */
  name = 'LauncherError';
}

/**
 * A command line's bundle, ready to import.
 * @typedef {object} CliBundle
 * @property {string} root
 * @property {string} directory The directory of this build: its entry, its chunks, the modules
 *   bundled against it.
 * @property {string} main The bundled entry.
 * @property {Readonly<Record<string, string>>} libraries Each workspace library the entry
 *   depends on, by package name: its bundled entry.
 * @property {boolean} reused Whether an earlier build was still current.
 */

/**
 * The record of an entry's current build (paths relative to the build's directory).
 * @typedef {object} BuildRecord
 * @property {string} key
 * @property {string} build The build's directory, relative to the entry's cache directory.
 * @property {string} main
 * @property {Readonly<Record<string, string>>} libraries
 * @property {Readonly<Record<string, string | null>>} inputs Every file the build read, relative
 *   to the root, with the hash of its content then (null: a configuration file it found absent).
 */

/** @param {string | Uint8Array} content */
const sha256 = (content) => createHash('sha256').update(content).digest('hex');

/**
 * @param {string} file
 * @returns {Record<string, unknown>}
 */
function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

/**
 * The nearest directory at or above `from` whose package.json declares npm workspaces.
 * @param {string} from
 * @returns {string}
 */
export function workspaceRootOf(from) {
  for (let directory = resolve(from); ; directory = dirname(directory)) {
    const manifest = join(directory, 'package.json');
    if (existsSync(manifest) && 'workspaces' in readJson(manifest)) return directory;
    if (dirname(directory) === directory)
      throw new LauncherError(
        `no npm workspace (a package.json with "workspaces") at or above ${from}`,
      );
  }
}

/**
 * @param {string} file
 * @returns {string}
 */
function packageDirectoryOf(file) {
  for (let directory = dirname(file); ; directory = dirname(directory)) {
    if (existsSync(join(directory, 'package.json'))) return directory;
    if (dirname(directory) === directory) throw new LauncherError(`${file} is in no package`);
  }
}

/**
 * @param {string} path
 * @returns {boolean}
 */
const inNodeModules = (path) => path.split(sep).includes('node_modules');

/**
 * A package's main entry (its "." export), if it has one.
 * @param {string} directory
 * @returns {string | undefined}
 */
function mainExportOf(directory) {
  const manifest = readJson(join(directory, 'package.json'));
  const exports = manifest['exports'];
  /** @type {unknown} */
  let target = exports;
  if (typeof target === 'object' && target !== null && '.' in target)
    target = Reflect.get(target, '.');
  // Conditions, as Node picks them for an import: `import`, `node`, `default`, nested or not.
  while (typeof target === 'object' && target !== null)
    target =
      Reflect.get(target, 'import') ??
      Reflect.get(target, 'node') ??
      Reflect.get(target, 'default');
  if (exports === undefined) target = manifest['main'];
  return typeof target === 'string' ? join(directory, target) : undefined;
}

/**
 * The workspace packages the package of `entry` depends on, directly or through one another
 * (npm links them into node_modules), each with its main entry: what the modules imported later
 * (an app's chart) must share with the command line, instead of bundling copies of their own.
 * @param {string} root
 * @param {string} entry
 * @returns {Map<string, string>}
 */
export function workspaceLibrariesOf(root, entry) {
  const own = packageDirectoryOf(entry);
  /** @type {Map<string, string>} */
  const libraries = new Map();
  /** @param {string} directory */
  const visit = (directory) => {
    const dependencies = readJson(join(directory, 'package.json'))['dependencies'] ?? {};
    for (const name of Object.keys(dependencies).sort()) {
      const link = join(root, 'node_modules', name);
      if (libraries.has(name) || !existsSync(link)) continue;
      const real = realpathSync(link);
      if (relative(root, real).startsWith('..') || inNodeModules(real) || real === own) continue;
      const main = mainExportOf(real);
      if (main) libraries.set(name, main);
      visit(real);
    }
  };
  visit(own);
  return libraries;
}

/**
 * Whether Node loads a file of node_modules as CommonJS: by its extension, else by the `type`
 * of the package.json nearest to it.
 * @param {string} file
 * @param {Map<string, boolean>} byDirectory
 * @returns {boolean}
 */
function isCommonJs(file, byDirectory) {
  if (file.endsWith('.cjs')) return true;
  if (file.endsWith('.mjs')) return false;
  for (let directory = dirname(file); ; directory = dirname(directory)) {
    const known = byDirectory.get(directory);
    if (known !== undefined) return known;
    const manifest = join(directory, 'package.json');
    if (existsSync(manifest)) {
      const commonJs = readJson(manifest)['type'] !== 'module';
      byDirectory.set(directory, commonJs);
      return commonJs;
    }
    if (dirname(directory) === directory) return true;
  }
}

/**
 * Keeps the packages of node_modules out of a bundle, by absolute path (so a bundle finds them
 * wherever it lives, and every bundle gets the same instances): ES modules imported, CommonJS
 * ones required, as a tiny CommonJS module of the bundle, so that Node need not scan their
 * source for named exports as it does when a module imports one. Imports of the `shared`
 * workspace libraries go to the command line's bundled entries.
 * @param {ReadonlyMap<string, string>} shared
 * @returns {Plugin}
 */
function externalPackages(shared) {
  const resolving = Symbol('resolving');
  /** @type {Map<string, boolean>} */
  const commonJsByDirectory = new Map();
  return {
    name: 'workspace-cli-externals',
    setup(plugin) {
      plugin.onResolve({ filter: /^[^./]/ }, async (args) => {
        if (args.pluginData === resolving || args.namespace === 'required') return undefined;
        const library = shared.get(args.path);
        if (library) return { path: pathToFileURL(library).href, external: true };
        const subpathOf = [...shared.keys()].find((name) => args.path.startsWith(`${name}/`));
        if (subpathOf)
          return {
            errors: [
              {
                text:
                  `'${args.path}' is a subpath of ${subpathOf}, which the command line shares: ` +
                  `import from '${subpathOf}' itself, or the module would get copies of its own`,
              },
            ],
          };
        const resolved = await plugin.resolve(args.path, {
          kind: args.kind,
          importer: args.importer,
          resolveDir: args.resolveDir,
          pluginData: resolving,
        });
        if (resolved.errors.length > 0) return { errors: resolved.errors };
        if (resolved.external) return { path: resolved.path, external: true };
        if (!inNodeModules(resolved.path)) return { path: resolved.path };
        if (args.kind !== 'require-call' && isCommonJs(resolved.path, commonJsByDirectory))
          return { path: resolved.path, namespace: 'required' };
        return { path: pathToFileURL(resolved.path).href, external: true };
      });
      plugin.onLoad({ filter: /.*/, namespace: 'required' }, (args) => ({
        contents: `module.exports = require(${JSON.stringify(args.path)});`,
        loader: 'js',
      }));
      plugin.onResolve({ filter: /.*/, namespace: 'required' }, (args) => ({
        path: args.path,
        external: true,
      }));
    },
  };
}

/**
 * @param {string} root
 * @param {ReadonlyMap<string, string>} shared
 * @returns {BuildOptions}
 */
function commonOptions(root, shared) {
  return {
    absWorkingDir: root,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: `node${process.versions.node.split('.')[0] ?? '22'}`,
    banner: { js: REQUIRE_BANNER },
    plugins: [externalPackages(shared)],
    metafile: true,
    logLevel: 'silent',
  };
}

/**
 * esbuild's errors, one line each, with the file and line they are about.
 * @param {string} what
 * @param {unknown} error
 * @returns {LauncherError}
 */
function bundleError(what, error) {
  /** @type {readonly Message[] | undefined} */
  const messages =
    typeof error === 'object' && error !== null ? Reflect.get(error, 'errors') : undefined;
  if (!messages)
    return new LauncherError(`cannot bundle ${what}: ${String(error)}`, { cause: error });
  const lines = messages.map(({ text, location }) =>
    location ? `${location.file}:${location.line}:${location.column + 1}: ${text}` : text,
  );
  return new LauncherError(`cannot bundle ${what}:\n${lines.join('\n')}`, { cause: error });
}

/**
 * @param {string} file
 * @param {string | Uint8Array} content
 */
function writeAtomically(file, content) {
  const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  writeFileSync(temporary, content);
  renameSync(temporary, file);
}

/**
 * A file's hash, or null when there is no such file (a configuration file a build found absent
 * is recorded so: one created later changes the build).
 * @param {string} path
 * @returns {string | null}
 */
const hashOrNull = (path) => (existsSync(path) ? sha256(readFileSync(path)) : null);

/**
 * Whether every file of a record's inputs (relative to `root`) still has its hash.
 * @param {string} root
 * @param {Readonly<Record<string, string | null>>} inputs
 * @param {(path: string) => string | null} [hashOf]
 */
const unchanged = (root, inputs, hashOf = hashOrNull) =>
  Object.entries(inputs).every(([file, hash]) => hashOf(join(root, file)) === hash);

/**
 * @param {string} packageName
 * @returns {string}
 */
const slugOf = (packageName) => packageName.replace(/^@/, '').replace(/[^A-Za-z0-9._-]+/g, '-');

/**
 * @param {string} root
 * @param {string} slot
 * @param {BuildRecord} record
 * @param {boolean} reused
 * @returns {CliBundle}
 */
function toBundle(root, slot, record, reused) {
  const directory = join(slot, record.build);
  return {
    root,
    directory,
    main: join(directory, record.main),
    libraries: Object.fromEntries(
      Object.entries(record.libraries).map(([library, file]) => [library, join(directory, file)]),
    ),
    reused,
  };
}

/** How long a build or a bundled module may go unused before it is removed. */
const UNUSED_BUILD_MS = 10 * 60 * 1000;
const UNUSED_MODULE_MS = 7 * 24 * 3600 * 1000;

/**
 * Marks a file or directory as used now.
 * @param {string} path
 * @returns {boolean} false when it is gone (another run removed it)
 */
function touch(path) {
  const now = new Date();
  try {
    utimesSync(path, now, now);
    return true;
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code === 'ENOENT') return false;
    throw error;
  }
}

/**
 * Removes an entry's builds (and half-written ones) but `keep`, once unused for ten minutes (a
 * run touches the build it uses), so that no run loses the build it is importing from.
 * @param {string} slot
 * @param {readonly (string | undefined)[]} keep
 */
function pruneBuilds(slot, keep) {
  const now = Date.now();
  for (const entry of readdirSync(slot)) {
    if (entry === RECORD || keep.includes(entry)) continue;
    const path = join(slot, entry);
    // Another run may rename or remove an entry meanwhile.
    const stat = statSync(path, { throwIfNoEntry: false });
    if (stat && now - stat.mtimeMs > UNUSED_BUILD_MS)
      rmSync(path, { recursive: true, force: true });
  }
}

/**
 * Whether esbuild reads a file for the files beside and below it: package.json (`type`,
 * `exports`, `sideEffects`) or a tsconfig (compiler options, through `extends`).
 * @param {string} file
 */
const isConfiguration = (file) => /^(package|tsconfig.*|jsconfig)\.json$/.test(basename(file));

/** The configuration files esbuild looks for in each directory above a file it bundles. */
const ALWAYS_READ = ['package.json', 'tsconfig.json', 'jsconfig.json'];

const LOADERS = /** @type {const} */ ({
  '.jsx': 'jsx',
  '.ts': 'ts',
  '.mts': 'ts',
  '.cts': 'ts',
  '.tsx': 'tsx',
  '.json': 'json',
  '.js': 'js',
  '.mjs': 'js',
  '.cjs': 'js',
});

/**
 * Loads the files of a build itself, to keep the hash of exactly the content esbuild bundled: a
 * file saved during the build then differs from its hash, and the next run builds again. Hashes
 * the configuration esbuild reads for them too.
 * @param {string} root
 * @param {Record<string, string | null>} hashes filled in: path relative to the root → hash
 * @param {Map<string, string[]>} [extended] filled in: a tsconfig → the tsconfig files it extends
 * @returns {Plugin}
 */
function hashingLoader(root, hashes, extended = new Map()) {
  /** @type {Set<string>} */
  const seen = new Set();
  /**
   * A configuration file's hash, and those of the tsconfig files it extends by path (one it
   * extends by package name is in node_modules, which the lockfile covers).
   * @param {string} file
   */
  const hashConfigurationFile = (file) => {
    const key = relative(root, file);
    if (key in hashes) return;
    hashes[key] = hashOrNull(file);
    if (hashes[key] === null || basename(file) === 'package.json') return;
    for (const target of extendsOf(readFileSync(file, 'utf8'))) {
      if (!target.startsWith('.')) continue;
      const path = resolve(dirname(file), target);
      const base = existsSync(path) || path.endsWith('.json') ? path : `${path}.json`;
      extended.set(key, [...(extended.get(key) ?? []), relative(root, base)]);
      hashConfigurationFile(base);
    }
  };
  /**
   * The configuration esbuild reads for a file: from its directory up to the root.
   * @param {string} directory
   */
  const hashConfiguration = (directory) => {
    for (
      let at = directory;
      !seen.has(at) && !relative(root, at).startsWith('..');
      at = dirname(at)
    ) {
      seen.add(at);
      // Those esbuild looks for in every directory, present or not, and the others there.
      const names = new Set([...ALWAYS_READ, ...readdirSync(at).filter(isConfiguration)]);
      for (const name of names) hashConfigurationFile(join(at, name));
      if (at === root) break;
    }
  };
  return {
    name: 'workspace-cli-hashes',
    setup(plugin) {
      plugin.onLoad({ filter: /.*/, namespace: 'file' }, (args) => {
        if (!inNodeModules(args.path)) hashConfiguration(dirname(args.path));
        const contents = readFileSync(args.path);
        hashes[relative(root, args.path)] = sha256(contents);
        const loader = LOADERS[/** @type {keyof typeof LOADERS} */ (extname(args.path))];
        // Another kind of file (text, CSS…): hashed all the same, esbuild loads it its way.
        if (!loader) return undefined;
        return { contents, loader, resolveDir: dirname(args.path) };
      });
    },
  };
}

/**
 * The targets of a tsconfig's `extends` (a string or a list), read from its text, which may
 * hold comments: the quoted strings after the key.
 * @param {string} text
 * @returns {string[]}
 */
function extendsOf(text) {
  const value = /"extends"\s*:\s*(\[[^\]]*\]|"[^"]*")/.exec(text)?.[1] ?? '';
  return [...value.matchAll(/"([^"]*)"/g)].map((match) => match[1] ?? '');
}

/**
 * An entry's build record, or undefined when there is none or it is damaged (then it is built
 * again and the record replaced).
 * @param {string} file
 * @returns {BuildRecord | undefined}
 */
function readRecord(file) {
  try {
    const record = JSON.parse(readFileSync(file, 'utf8'));
    return typeof record?.key === 'string' && typeof record?.inputs === 'object'
      ? record
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The bundle of `entry` (absolute), built now or reused: a build is reused while its key (this
 * launcher, esbuild's and Node's versions, the root, the entry, the lockfile, which fixes where
 * the external packages are) and the content of every file it read are unchanged. A new build
 * is written beside the others and then made current by one rename of its record, so that a
 * concurrent run reads one build or the other; the others go once unused for ten minutes. What
 * is not seen: a new file that changes what an import resolves to (`x.js` created beside the
 * `x.ts` an import means), until a file of the build changes; deleting the cache is always safe.
 * @param {string} givenRoot
 * @param {string} givenEntry
 * @param {string} [cache]
 * @returns {Promise<CliBundle>}
 */
export async function bundleCli(givenRoot, givenEntry, cache = join(givenRoot, CACHE_DIRECTORY)) {
  // Real paths, as esbuild reports them: a root reached through a symbolic link is the same.
  const root = realpathSync(givenRoot);
  const entry = realpathSync(givenEntry);
  const relativeEntry = relative(root, entry);
  const slot = join(cache, sha256(`${root}\0${relativeEntry}`).slice(0, 16));
  const libraries = workspaceLibrariesOf(root, entry);
  const lockfile = join(root, 'package-lock.json');
  const key = sha256(
    JSON.stringify({
      launcher: LAUNCHER,
      esbuild: ESBUILD_VERSION,
      node: process.versions.node,
      root,
      entry: relativeEntry,
      libraries: [...libraries],
      lockfile: existsSync(lockfile) ? sha256(readFileSync(lockfile)) : null,
    }),
  );
  const recordFile = join(slot, RECORD);
  const previous = readRecord(recordFile);
  if (previous?.key === key) {
    if (unchanged(root, previous.inputs)) {
      const bundle = toBundle(root, slot, previous, true);
      if (existsSync(bundle.main) && touch(bundle.directory)) return bundle;
    }
  }

  mkdirSync(slot, { recursive: true });
  const temporary = join(slot, `.build-${randomBytes(6).toString('hex')}`);
  const slugs = new Map([...libraries.keys()].map((library) => [library, slugOf(library)]));
  const common = commonOptions(root, new Map());
  /** @type {Record<string, string | null>} */
  const inputs = {};
  try {
    await (
      await esbuild()
    ).build({
      ...common,
      entryPoints: [
        { in: entry, out: 'main' },
        ...[...libraries].map(([library, file]) => ({
          in: file,
          out: `libraries/${slugs.get(library)}`,
        })),
      ],
      splitting: true,
      chunkNames: 'chunks/[name]-[hash]',
      sourcemap: 'linked',
      outdir: temporary,
      plugins: [...(common.plugins ?? []), hashingLoader(root, inputs)],
    });
  } catch (error) {
    rmSync(temporary, { recursive: true, force: true });
    throw bundleError(relativeEntry, error);
  }
  // Named by what it is built from: runs that build the same thing at once make one build.
  const name = `build-${sha256(JSON.stringify([key, Object.entries(inputs).sort()])).slice(0, 16)}`;
  try {
    renameSync(temporary, join(slot, name));
  } catch (error) {
    if (!existsSync(join(slot, name))) throw error;
    rmSync(temporary, { recursive: true, force: true });
  }
  /** @type {BuildRecord} */
  const record = {
    key,
    build: name,
    main: 'main.js',
    libraries: Object.fromEntries(
      [...slugs].map(([library, slug]) => [library, `libraries/${slug}.js`]),
    ),
    inputs,
  };
  writeAtomically(recordFile, `${JSON.stringify(record, null, 2)}\n`);
  pruneBuilds(slot, [name, previous?.build]);
  return toBundle(root, slot, record, false);
}

/**
 * Removes the modules of a build not used for a week (a use touches its file): each edit of a
 * chart stores one more, and a build lives as long as the libraries do not change.
 * @param {string} modules
 * @param {Date} now
 */
function pruneUnused(modules, now) {
  for (const name of readdirSync(modules)) {
    if (name.endsWith('.tmp')) continue;
    const file = join(modules, name);
    const stat = statSync(file, { throwIfNoEntry: false });
    if (stat && now.getTime() - stat.mtimeMs > UNUSED_MODULE_MS) rmSync(file, { force: true });
  }
}

/**
 * The configuration files among `hashes` (package.json, tsconfig) that esbuild reads for
 * `inputs`: those in their directories and above, up to the root, and the tsconfig files
 * those extend, wherever they are. Paths relative to the root.
 * @param {Readonly<Record<string, string | null>>} hashes
 * @param {ReadonlyMap<string, readonly string[]>} extended
 * @param {readonly string[]} inputs
 * @returns {string[]}
 */
function configurationOf(hashes, extended, inputs) {
  /** @type {Set<string>} */
  const directories = new Set();
  for (const input of inputs)
    for (let at = dirname(input); !directories.has(at); at = dirname(at)) {
      directories.add(at);
      if (at === '.') break;
    }
  const found = new Set(
    Object.keys(hashes).filter((file) => isConfiguration(file) && directories.has(dirname(file))),
  );
  for (const file of found) for (const base of extended.get(file) ?? []) found.add(base);
  return [...found];
}

/**
 * The files of an entry's import graph, from esbuild's metafile (paths relative to the root):
 * the entry and what it imports, through one another, but for what stays external.
 * @param {import('esbuild').Metafile['inputs']} inputs
 * @param {string} entry
 * @returns {string[]}
 */
function importGraphOf(inputs, entry) {
  const found = new Set([entry]);
  for (const file of found)
    for (const { path, external } of inputs[file]?.imports ?? [])
      if (!external && path in inputs) found.add(path);
  return [...found].filter((file) => !file.includes(':'));
}

/**
 * The file of a module's record: what it was bundled from, with hashes, and where the result is.
 * @param {CliBundle} bundle
 * @param {string} file absolute, canonical
 */
const recordOf = (bundle, file) =>
  join(bundle.directory, 'records', `${sha256(relative(bundle.root, file)).slice(0, 24)}.json`);

/**
 * The stored module of `file` while every file its record lists is unchanged (`hashOf` caches
 * each file's hash for the run: the configuration files are every module's).
 * @param {CliBundle} bundle
 * @param {string} file
 * @param {(path: string) => string | null} hashOf
 * @returns {string | undefined}
 */
function currentModule(bundle, file, hashOf) {
  /** @type {{ module?: unknown, inputs?: unknown } | undefined} */
  let record;
  try {
    record = JSON.parse(readFileSync(recordOf(bundle, file), 'utf8'));
  } catch {
    return undefined;
  }
  if (typeof record?.module !== 'string' || typeof record.inputs !== 'object' || !record.inputs)
    return undefined;
  const stored = join(bundle.directory, 'modules', record.module);
  const inputs = /** @type {Record<string, string | null>} */ (record.inputs);
  return unchanged(bundle.root, inputs, hashOf) && touch(stored) ? stored : undefined;
}

/**
 * Bundles workspace modules (absolute paths: apps' charts, loaded at run time) against
 * `bundle`, or reuses their earlier bundles: the workspace libraries they import are the
 * bundle's, the packages of node_modules the same files, the rest (their own files) bundled into
 * each. Each result is stored in the build's `modules/` under esbuild's hash of its content,
 * with a record of the files it was made from (and their configuration), so that an unchanged
 * module is imported from the same file next time without esbuild (and Node's compile cache
 * knows it); modules unused for a week go.
 * @param {CliBundle} bundle
 * @param {readonly string[]} files
 * @returns {Promise<unknown[]>} the modules, in the order of `files`
 */
export async function importBundled(bundle, files) {
  // As esbuild names entry points: absolute, symbolic links resolved (a root given as `.`).
  /** @param {string} file */
  const canonical = (file) => {
    const absolute = resolve(bundle.root, file);
    return existsSync(absolute) ? realpathSync(absolute) : absolute;
  };
  const wanted = files.map(canonical);
  const unique = [...new Set(wanted)];
  /** @type {Map<string, string | null>} */
  const hashes = new Map();
  /** @param {string} path */
  const hashOf = (path) => {
    const known = hashes.get(path);
    if (known !== undefined) return known;
    const hash = hashOrNull(path);
    hashes.set(path, hash);
    return hash;
  };
  /** @type {Map<string, string>} */
  const storedOf = new Map();
  for (const file of unique) {
    const stored = currentModule(bundle, file, hashOf);
    if (stored) storedOf.set(file, stored);
  }
  const stale = unique.filter((file) => !storedOf.has(file));
  if (stale.length > 0) await bundleModules(bundle, stale, storedOf);
  const loaded = await Promise.all(
    unique.map((file) => {
      const stored = storedOf.get(file);
      if (!stored) throw new LauncherError(`bundling ${file} produced no module`);
      return import(pathToFileURL(stored).href);
    }),
  );
  return wanted.map((file) => loaded[unique.indexOf(file)]);
}

/**
 * Bundles `files` (absolute, canonical) in one esbuild run, stores each result and its record,
 * and adds it to `storedOf`.
 * @param {CliBundle} bundle
 * @param {readonly string[]} files
 * @param {Map<string, string>} storedOf
 */
async function bundleModules(bundle, files, storedOf) {
  const modules = join(bundle.directory, 'modules');
  const common = commonOptions(bundle.root, new Map(Object.entries(bundle.libraries)));
  /** @type {Record<string, string | null>} */
  const hashes = {};
  /** @type {Map<string, string[]>} */
  const extended = new Map();
  let result;
  try {
    result = await (
      await esbuild()
    ).build({
      ...common,
      entryPoints: [...files],
      outdir: modules,
      // Named by esbuild's hash of the output, in the directory its source map is relative to.
      entryNames: '[name]-[hash]',
      sourcemap: 'inline',
      write: false,
      plugins: [...(common.plugins ?? []), hashingLoader(bundle.root, hashes, extended)],
    });
  } catch (error) {
    throw bundleError(files.map((file) => relative(bundle.root, file)).join(', '), error);
  }
  const contentOf = new Map(result.outputFiles.map((output) => [output.path, output.contents]));
  const now = new Date();
  let wrote = false;
  mkdirSync(modules, { recursive: true });
  mkdirSync(join(bundle.directory, 'records'), { recursive: true });
  for (const [output, { entryPoint }] of Object.entries(result.metafile?.outputs ?? {})) {
    const stored = resolve(bundle.root, output);
    const contents = contentOf.get(stored);
    if (!entryPoint || !contents) continue;
    // Rewritten unless the same bytes are there (a damaged file mends itself).
    if (!touch(stored) || !readFileSync(stored).equals(contents)) {
      writeAtomically(stored, contents);
      wrote = true;
    }
    const file = realpathSync(resolve(bundle.root, entryPoint));
    // The entry's import graph, not the output's inputs: those leave out a file that adds no
    // bytes (an inlined const enum, a module of types), which the bundle depends on all the same.
    const sources = importGraphOf(result.metafile?.inputs ?? {}, entryPoint);
    const record = {
      file: relative(bundle.root, file),
      module: basename(stored),
      inputs: Object.fromEntries(
        [...sources, ...configurationOf(hashes, extended, sources)].map((input) => [
          input,
          hashes[input] ?? hashOrNull(join(bundle.root, input)),
        ]),
      ),
    };
    writeAtomically(recordOf(bundle, file), `${JSON.stringify(record, null, 2)}\n`);
    storedOf.set(file, stored);
  }
  if (wrote) pruneUnused(modules, now);
}

/**
 * The runtime the launched command line finds under module-importer.ts's key. The imports asked
 * for in one turn of the event loop (a render asks for every chart at once) are bundled
 * together, in one esbuild run.
 * @param {CliBundle} bundle
 * @returns {LauncherRuntime}
 */
export function launcherRuntime(bundle) {
  /** @type {{ file: string, done: (module: unknown) => void, fail: (error: unknown) => void }[]} */
  let batch = [];
  const flush = () => {
    const requests = batch;
    batch = [];
    importBundled(
      bundle,
      requests.map(({ file }) => file),
    ).then(
      (modules) => requests.forEach(({ done }, index) => done(modules[index])),
      (error) => requests.forEach(({ fail }) => fail(error)),
    );
  };
  return {
    importModules: (files) =>
      Promise.all(
        files.map(
          (file) =>
            new Promise((done, fail) => {
              if (batch.length === 0) setImmediate(flush);
              batch.push({ file, done, fail });
            }),
        ),
      ),
  };
}

/**
 * Bundles (or reuses) the entry `argv[0]` names and runs it with the rest of `argv`.
 * @param {readonly string[]} argv
 * @param {string} [cwd]
 * @returns {Promise<void>}
 */
export async function launch(argv, cwd = process.cwd()) {
  const [entry, ...args] = argv;
  if (!entry) throw new LauncherError('usage: workspace-cli <entry.ts> [arguments…]');
  const file = resolve(cwd, entry);
  if (!existsSync(file)) throw new LauncherError(`no such entry: ${entry}`);
  const real = realpathSync(file);
  const bundle = await bundleCli(workspaceRootOf(dirname(real)), real);
  enableCompileCache(join(bundle.directory, 'v8'));
  Reflect.set(globalThis, Symbol.for(KEY), launcherRuntime(bundle));
  // The command line reads process.argv as if Node had run its entry.
  process.argv = [process.argv[0] ?? process.execPath, file, ...args];
  await import(pathToFileURL(bundle.main).href);
}

const invoked = process.argv[1];
if (invoked && existsSync(invoked) && realpathSync(invoked) === import.meta.filename) {
  launch(process.argv.slice(2)).catch((/** @type {unknown} */ error) => {
    process.stderr.write(
      error instanceof LauncherError
        ? `error: ${error.message}\n`
        : `unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  });
}
