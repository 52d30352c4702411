import type { TargetConfiguration } from '@nx/devkit';

/**
 * The targets every app gets from its folder, so a generated app needs no target of its own
 * and one change here reaches every app. `apps/<app>/` is the service (build, serve, its image);
 * `apps/<app>/deploy/` is its chart (render). The chart does not depend on the service: a new
 * image reaches it through git (`release bump` writes `deploy/images/<env>.yaml`), so a change to
 * the service's code rebuilds and retests it and renders nothing.
 */

/** The files that turn a service into `dist/main.js` (tools/ci's bundler). */
const BUILD_TOOL_INPUTS = [
  '{workspaceRoot}/tools/ci/src/build-service.ts',
  '{workspaceRoot}/tools/ci/src/build-service-main.ts',
  '{workspaceRoot}/package.json',
  '{workspaceRoot}/package-lock.json',
];

/**
 * @param job the image exposes no port (a scheduled job): its rehearsal runs it to completion
 * instead of probing it
 */
export function serviceTargets(app: string, job = false): Record<string, TargetConfiguration> {
  const root = `apps/${app}`;
  return {
    build: {
      command: `tsx tools/ci/src/build-service-main.ts ${root}`,
      cache: true,
      inputs: ['production', '^production', ...BUILD_TOOL_INPUTS],
      outputs: ['{projectRoot}/dist'],
      metadata: { description: `Bundle ${app} into ${root}/dist/main.js (what its image runs).` },
    },
    serve: {
      command: `node ${root}/dist/main.js`,
      dependsOn: ['build'],
      continuous: true,
      metadata: { description: `Run the built ${app} on PORT (default 8080).` },
    },
    'docker-build': {
      command: `docker build -f ${root}/Dockerfile -t ${app}:local .`,
      dependsOn: ['build'],
      cache: false,
      metadata: { description: `Build ${app}'s image from the workspace root (needs Docker).` },
    },
    'rehearse-image': {
      command: `tsx tools/ci/src/image-rehearsal-main.ts ${root}/Dockerfile ${job ? '--run-to-completion' : '--probe /readyz'}`,
      cache: true,
      inputs: [
        'production',
        '^production',
        '{projectRoot}/Dockerfile',
        '{projectRoot}/Dockerfile.dockerignore',
        '{workspaceRoot}/tools/ci/src/**/*.ts',
        '{workspaceRoot}/package.json',
        '{workspaceRoot}/package-lock.json',
      ],
      metadata: {
        description: job
          ? `Run ${app}'s Dockerfile steps without a container engine, then run it: it must exit 0.`
          : `Run ${app}'s Dockerfile steps without a container engine, start it, probe /readyz, stop it.`,
      },
    },
  };
}

/**
 * Renders one app into every environment where it has an image. Its inputs are everything the
 * output depends on: the chart, its image files and sealed secrets (all under the project),
 * the libraries it imports, and the renderer (an implicit dependency on tools/manifests).
 */
export function chartTargets(app: string): Record<string, TargetConfiguration> {
  return {
    render: {
      command: `workspace-cli tools/manifests/src/main.ts synth --app ${app}`,
      cache: true,
      inputs: ['production', '^production'],
      outputs: [`{workspaceRoot}/manifests/*/${app}`],
      metadata: {
        description: `Render ${app}'s chart to manifests/<env>/${app}/ in every environment where it has an image.`,
      },
    },
  };
}

/**
 * `test` (from an app project's `vitest.config.mts`) and `lint` (from its `eslint.config.mjs`),
 * the targets @nx/vitest and @nx/eslint would infer, given here instead: nx.json keeps those
 * plugins off `apps/`, because inferring loads each project's Vitest config through Vite and
 * asks ESLint about each project, most of a cold project graph at hundreds of apps (measured on
 * 500 generated services: 15.6 s and 7.6 s of the 29 s of CPU `nx show projects --affected`
 * took), while every app's configs are the generator's. Same commands, inputs and outputs.
 * @param projectRoot `apps/<app>` or `apps/<app>/deploy`
 */
export function checkTarget(
  projectRoot: string,
  target: 'test' | 'lint',
): Record<string, TargetConfiguration> {
  const inRoot = { cwd: projectRoot };
  if (target === 'lint') {
    return {
      lint: {
        command: 'eslint .',
        options: inRoot,
        cache: true,
        inputs: [
          'default',
          '^default',
          '{workspaceRoot}/eslint.config.mjs',
          `{workspaceRoot}/${projectRoot}/eslint.config.mjs`,
          '{workspaceRoot}/tools/eslint-rules/**/*',
          { externalDependencies: ['eslint'] },
        ],
        outputs: ['{options.outputFile}'],
        metadata: { technologies: ['eslint'], description: 'Runs ESLint on project' },
      },
    };
  }
  // What @nx/vitest records besides: a chart's specs also see its service's tsconfig.json.
  const tsconfigs = [
    ...(projectRoot.endsWith('/deploy') ? [`${projectRoot.slice(0, -'/deploy'.length)}/`] : []),
    '',
  ].map((folder) => ({
    json: `{workspaceRoot}/${folder}tsconfig.json`,
    fields: ['compilerOptions'],
  }));
  return {
    test: {
      command: 'vitest',
      options: inRoot,
      cache: true,
      inputs: [
        'default',
        '^production',
        { fileset: '{projectRoot}/tsconfig.spec.json', dependencies: true },
        ...tsconfigs,
        { externalDependencies: ['vitest'] },
        { env: 'CI' },
        { dependentTasksOutputFiles: '**/*.js', transitive: true },
      ],
      outputs: ['{projectRoot}/test-output'],
      metadata: { technologies: ['vitest'], description: 'Run Vitest tests' },
    },
  };
}

/** The renderer every chart's output depends on. */
export const RENDERER_PROJECT = '@platform/manifests';
