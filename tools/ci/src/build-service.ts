import { build, type BuildResult } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

interface ServicePackage {
  readonly name: string;
  readonly dependencies?: Readonly<Record<string, string>>;
  readonly devDependencies?: Readonly<Record<string, string>>;
  /** npm packages that must not be bundled (native addons, packages that read their own files). */
  readonly bundleExternal?: readonly string[];
}

/**
 * Bundles a service's `src/main.ts`, with the workspace libraries and the npm
 * packages it imports, into one file, `dist/main.js`. The runtime image then
 * holds only the code the service reaches (never a dev dependency), and Node
 * resolves no module at start-up: with express, pino, prom-client and zod that
 * cuts the time to the first answer (measured by the service's bench-load).
 * Packages listed in the service's package.json `bundleExternal` (say, one
 * with a native addon) stay external and must be installed beside it.
 */
export async function buildService(projectRoot: string): Promise<BuildResult> {
  const readPackage = async (path: string) =>
    JSON.parse(await readFile(path, 'utf8')) as ServicePackage;
  const pkg = await readPackage(join(projectRoot, 'package.json'));
  const workspace = await readPackage(join(projectRoot, '../../package.json'));
  const external = (pkg.bundleExternal ?? []).flatMap((name) => [name, `${name}/*`]);
  const result = await build({
    metafile: true,
    absWorkingDir: projectRoot,
    entryPoints: ['src/main.ts'],
    outfile: 'dist/main.js',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: true,
    // Smaller to parse at start-up. Not keepNames: it wraps every closure created per request.
    minifySyntax: true,
    minifyWhitespace: true,
    legalComments: 'linked',
    external,
    logLevel: 'warning',
    // A bundled ESM file still needs `require` for CommonJS dependencies' dynamic requires.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
  });
  const devOnly = devOnlyPackages(
    pkg,
    workspace,
    await workspaceLibraryDependencies(pkg, readPackage),
  );
  const leaked = bundledPackages(result).filter((name) => devOnly.has(name));
  if (leaked.length > 0) {
    throw new Error(
      `${pkg.name}: the bundle includes development-only packages: ${leaked.join(', ')} (declare them in "dependencies" if the service really needs them)`,
    );
  }
  return result;
}

/** npm packages whose code is in the bundle, from esbuild's metafile. */
export function bundledPackages(result: Pick<BuildResult, 'metafile'>): string[] {
  const names = new Set<string>();
  for (const input of Object.keys(result.metafile?.inputs ?? {})) {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (match?.[1]) names.add(match[1]);
  }
  return [...names].sort();
}

/**
 * The production dependencies of the workspace libraries the service depends on, and of theirs:
 * the service runtime's express, say, is the service's too.
 */
async function workspaceLibraryDependencies(
  service: ServicePackage,
  readPackage: (path: string) => Promise<ServicePackage>,
): Promise<Set<string>> {
  const found = new Set<string>();
  const queue = Object.keys(service.dependencies ?? {}).filter((name) =>
    name.startsWith('@platform/'),
  );
  const seen = new Set(queue);
  while (queue.length > 0) {
    const name = queue.shift() ?? '';
    const library = await readPackage(require.resolve(`${name}/package.json`));
    for (const dependency of Object.keys(library.dependencies ?? {})) {
      found.add(dependency);
      if (dependency.startsWith('@platform/') && !seen.has(dependency)) {
        seen.add(dependency);
        queue.push(dependency);
      }
    }
  }
  return found;
}

/** Packages the service or the workspace only declares for development (workspace libraries excepted). */
function devOnlyPackages(
  service: ServicePackage,
  workspace: ServicePackage,
  libraryDependencies: ReadonlySet<string>,
): Set<string> {
  const production = new Set([...Object.keys(service.dependencies ?? {}), ...libraryDependencies]);
  return new Set(
    [
      ...Object.keys(service.devDependencies ?? {}),
      ...Object.keys(workspace.devDependencies ?? {}),
    ].filter((name) => !production.has(name) && !name.startsWith('@platform/')),
  );
}
