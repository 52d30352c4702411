import { build, type BuildResult } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

interface ServicePackage {
  readonly name: string;
  readonly dependencies?: Readonly<Record<string, string>>;
}

/**
 * Bundles a service's `src/main.ts` into `dist/main.js`. Workspace libraries
 * are inlined (they are devDependencies: the image never installs them); the
 * service's npm `dependencies` stay external, installed from the lockfile in
 * the image, so the bundle is small and licences and audits stay per package.
 */
export async function buildService(projectRoot: string): Promise<BuildResult> {
  const pkg = JSON.parse(
    await readFile(join(projectRoot, 'package.json'), 'utf8'),
  ) as ServicePackage;
  const external = Object.keys(pkg.dependencies ?? {}).flatMap((name) => [name, `${name}/*`]);
  return build({
    absWorkingDir: projectRoot,
    entryPoints: ['src/main.ts'],
    outfile: 'dist/main.js',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: true,
    external,
    logLevel: 'warning',
    // A bundled ESM file still needs `require` for CommonJS dependencies' dynamic requires.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
  });
}
