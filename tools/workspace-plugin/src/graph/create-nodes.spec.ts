import { describe, expect, it } from 'vitest';
import { nodesFor, WORKFLOWS_PROJECT } from './create-nodes.js';

describe('the targets an app gets from its folder', () => {
  it('renders a chart per app: cached, its rendered directories as outputs, the renderer as input', () => {
    const project = nodesFor('apps/billing/deploy/src/chart.ts').projects?.['apps/billing/deploy'];
    expect(project?.implicitDependencies).toEqual(['@platform/manifests']);
    expect(project?.targets?.['render']).toMatchObject({
      command: 'workspace-cli tools/manifests/src/main.ts synth --app billing',
      cache: true,
      inputs: ['production', '^production'],
      outputs: ['{workspaceRoot}/manifests/*/billing'],
    });
  });

  it('builds a service to dist/main.js; its image and its server come after the build', () => {
    const targets =
      nodesFor('apps/billing/Dockerfile', () => 'FROM x\nEXPOSE 8080\n').projects?.['apps/billing']
        ?.targets ?? {};
    expect(targets['build']).toMatchObject({
      command: 'tsx tools/ci/src/build-service-main.ts apps/billing',
      cache: true,
      outputs: ['{projectRoot}/dist'],
    });
    expect(targets['build']?.inputs).toEqual(
      expect.arrayContaining(['production', '^production', '{workspaceRoot}/package-lock.json']),
    );
    expect(targets['docker-build']).toMatchObject({
      command: 'docker build -f apps/billing/Dockerfile -t billing:local .',
      dependsOn: ['build'],
    });
    expect(targets['serve']).toMatchObject({ dependsOn: ['build'], continuous: true });
    expect(targets['rehearse-image']?.command).toBe(
      'tsx tools/ci/src/image-rehearsal-main.ts apps/billing/Dockerfile --probe /readyz',
    );
  });

  it('gives the service no render and the chart no build: each change reaches only its own', () => {
    expect(
      Object.keys(nodesFor('apps/billing/Dockerfile').projects?.['apps/billing']?.targets ?? {}),
    ).not.toContain('render');
    expect(
      Object.keys(
        nodesFor('apps/billing/deploy/src/chart.ts').projects?.['apps/billing/deploy']?.targets ??
          {},
      ),
    ).toEqual(['render']);
  });

  it('owns the workflows in a project, so a workflow change affects what lints them', () => {
    expect(nodesFor('.github/workflows/ci.yml').projects?.['.github']).toMatchObject({
      name: WORKFLOWS_PROJECT,
    });
  });

  it('rehearses an image with no port (a scheduled job) by running it to completion', () => {
    const targets =
      nodesFor('apps/report/Dockerfile', () => 'FROM x\nCMD ["dist/main.js"]\n').projects?.[
        'apps/report'
      ]?.targets ?? {};
    expect(targets['rehearse-image']?.command).toBe(
      'tsx tools/ci/src/image-rehearsal-main.ts apps/report/Dockerfile --run-to-completion',
    );
  });

  it('tests and lints each app project from its own configs, as the inferring plugins would', () => {
    const service = nodesFor('apps/billing/vitest.config.mts').projects?.['apps/billing'];
    expect(service?.targets?.['test']).toMatchObject({
      command: 'vitest',
      options: { cwd: 'apps/billing' },
      cache: true,
      outputs: ['{projectRoot}/test-output'],
    });
    expect(service?.targets?.['test']?.inputs).toEqual(
      expect.arrayContaining([
        'default',
        '^production',
        { json: '{workspaceRoot}/tsconfig.json', fields: ['compilerOptions'] },
        { externalDependencies: ['vitest'] },
      ]),
    );
    // A chart's specs also read its service's tsconfig.json, one folder up.
    expect(
      nodesFor('apps/billing/deploy/vitest.config.mts').projects?.['apps/billing/deploy']
        ?.targets?.['test']?.inputs,
    ).toContainEqual({
      json: '{workspaceRoot}/apps/billing/tsconfig.json',
      fields: ['compilerOptions'],
    });
    const lint = nodesFor('apps/billing/deploy/eslint.config.mjs').projects?.['apps/billing/deploy']
      ?.targets?.['lint'];
    expect(lint).toMatchObject({ command: 'eslint .', options: { cwd: 'apps/billing/deploy' } });
    expect(lint?.inputs).toEqual(
      expect.arrayContaining([
        '{workspaceRoot}/eslint.config.mjs',
        '{workspaceRoot}/apps/billing/deploy/eslint.config.mjs',
      ]),
    );
    expect(Object.keys(service?.targets ?? {})).toEqual(['test']);
  });
});
