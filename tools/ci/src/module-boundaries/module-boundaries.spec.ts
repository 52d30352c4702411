import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const workspaceRoot = fileURLToPath(new URL('../../../../', import.meta.url));

let eslint: ESLint;

/**
 * One ESLint for every case, loaded (and its Nx project graph built) once before them: building
 * it inside each case made the first one outlast its 5 s under a parallel run.
 */
beforeAll(async () => {
  eslint = new ESLint({
    cwd: workspaceRoot,
    overrideConfig: [
      {
        files: ['**/*.ts'],
        languageOptions: { parserOptions: { projectService: false, project: null } },
        rules: {
          '@typescript-eslint/no-floating-promises': 'off',
          '@typescript-eslint/no-misused-promises': 'off',
          '@typescript-eslint/await-thenable': 'off',
          '@typescript-eslint/consistent-type-imports': 'off',
          '@typescript-eslint/no-unused-vars': 'off',
        },
      },
    ],
  });
  await eslint.lintText('export {};\n', {
    filePath: `${workspaceRoot}libs/workloads/src/warm-up.ts`,
  });
}, 60_000);

/** Lints `code` as if it were `filePath`; returns the module-boundary errors (no type information needed). */
async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${workspaceRoot}${filePath}` });
  const rules = new Set(['@nx/enforce-module-boundaries', 'no-restricted-imports']);
  return (result?.messages ?? []).filter((m) => rules.has(m.ruleId ?? '')).map((m) => m.message);
}

describe('module boundaries (eslint.config.mjs)', () => {
  it('forbids a workload library from importing Pulumi', async () => {
    const errors = await boundaryErrors(
      'libs/workloads/src/probe.ts',
      "import * as pulumi from '@pulumi/pulumi';\nexport const p = pulumi;\n",
    );
    expect(errors.join('\n')).toContain('Libraries never import Pulumi');
  });

  it('forbids an app from importing the workload library or cdk8s', async () => {
    const errors = await boundaryErrors(
      'apps/demo-service/src/probe.ts',
      "import { WebService } from '@platform/workloads';\nimport { App } from 'cdk8s';\nexport const x = [WebService, App];\n",
    );
    expect(errors.join('\n')).toContain('Apps never import the workload definitions');
    expect(
      errors.some((e) => e.includes('@platform/workloads') || e.includes('scope:shared')),
    ).toBe(true);
  });

  it('forbids a library from importing a tool', async () => {
    const errors = await boundaryErrors(
      'libs/environments/src/probe.ts',
      "import { synth } from '@platform/manifests';\nexport const s = synth;\n",
    );
    // Reported as a boundary or a circular-dependency violation, depending on the graph.
    expect(errors.join('\n')).toMatch(/@platform\/manifests|type:lib/);
  });

  it('lets an app import a shared library and a tool import a workload library', async () => {
    expect(
      await boundaryErrors(
        'apps/demo-service/src/probe.ts',
        "import { platformServiceContract } from '@platform/service-contracts';\nexport const c = platformServiceContract;\n",
      ),
    ).toEqual([]);
    expect(
      await boundaryErrors(
        'tools/manifests/src/probe.ts',
        "import { WebService } from '@platform/workloads';\nexport const w = WebService;\n",
      ),
    ).toEqual([]);
  });
});
