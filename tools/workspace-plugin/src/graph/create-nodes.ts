import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createNodesFromFiles, type CreateNodesResult, type CreateNodesV2 } from '@nx/devkit';
import { chartTargets, checkTarget, RENDERER_PROJECT, serviceTargets } from './app-targets.js';

/**
 * A chart is `apps/<app>/deploy/src/chart.ts`; a service is `apps/<app>/Dockerfile`; an app
 * project's Vitest and ESLint configs give it `test` and `lint` (see checkTarget).
 */
const APP_FILES =
  '{apps/*/deploy/src/chart.ts,apps/*/Dockerfile,.github/workflows/*.yml,' +
  'apps/*/{vitest.config.mts,eslint.config.mjs},apps/*/deploy/{vitest.config.mts,eslint.config.mjs}}';

/** The config file whose presence gives an app project a check target. */
const CHECK_CONFIGS: Readonly<Record<string, 'test' | 'lint'>> = {
  'vitest.config.mts': 'test',
  'eslint.config.mjs': 'lint',
};

/** The project that owns the workflows, so a workflow change affects what checks workflows. */
export const WORKFLOWS_PROJECT = 'workflows';

/** A Dockerfile whose image exposes no port runs a job, not a server. */
export function exposesNoPort(dockerfile: string): boolean {
  return !/^\s*EXPOSE\s/im.test(dockerfile);
}

export function nodesFor(
  file: string,
  readFile: (path: string) => string = () => '',
): CreateNodesResult {
  const parts = file.split('/');
  if (parts[0] === '.github') {
    return {
      projects: {
        '.github': {
          name: WORKFLOWS_PROJECT,
          tags: ['type:workflows', 'scope:platform'],
          targets: {},
        },
      },
    };
  }
  const app = parts[1] ?? '';
  const check = CHECK_CONFIGS[parts.at(-1) ?? ''];
  if (check) {
    const projectRoot = parts.slice(0, -1).join('/');
    return { projects: { [projectRoot]: { targets: checkTarget(projectRoot, check) } } };
  }
  if (parts[2] === 'deploy') {
    return {
      projects: {
        [`apps/${app}/deploy`]: {
          implicitDependencies: [RENDERER_PROJECT],
          targets: chartTargets(app),
        },
      },
    };
  }
  const job = exposesNoPort(readFile(file));
  return { projects: { [`apps/${app}`]: { targets: serviceTargets(app, job) } } };
}

export const createNodesV2: CreateNodesV2 = [
  APP_FILES,
  (files, options, context) =>
    createNodesFromFiles(
      (file) => nodesFor(file, (path) => readFileSync(join(context.workspaceRoot, path), 'utf8')),
      files,
      options,
      context,
    ),
];
