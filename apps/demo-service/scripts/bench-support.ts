// What the service's benchmarks share: the build, the image's environment, a free port.
import { DockerfileParser } from 'dockerfile-ast';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
export { freePort } from '@platform/service-runtime/testing';

export const projectRoot = fileURLToPath(new URL('..', import.meta.url));

/** The same build the image runs (the service may not import tools, so it runs the build's command). */
export function buildService(): void {
  const built = spawnSync(
    'npx',
    ['tsx', 'tools/ci/src/build-service-main.ts', 'apps/demo-service'],
    {
      cwd: join(projectRoot, '../..'),
      stdio: 'inherit',
    },
  );
  if (built.status !== 0) throw new Error('the service did not build');
}

/**
 * The environment the runtime stage of a Dockerfile sets (NODE_OPTIONS,
 * MALLOC_ARENA_MAX, …), so that benchmarks run the service as its image does.
 * Build arguments referenced in values are left out.
 */
export function runtimeEnvironment(dockerfilePath: string): Record<string, string> {
  const dockerfile = DockerfileParser.parse(readFileSync(dockerfilePath, 'utf8'));
  const lastFrom = dockerfile.getFROMs().at(-1)?.getRange().start.line ?? 0;
  const env: Record<string, string> = {};
  for (const instruction of dockerfile.getENVs()) {
    if (instruction.getRange().start.line < lastFrom) continue;
    for (const property of instruction.getProperties()) {
      const value = property.getValue() ?? '';
      if (!value.includes('$')) env[property.getName()] = value.replace(/^"(.*)"$/, '$1');
    }
  }
  return env;
}
