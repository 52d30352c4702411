// Workspace lint rules. Each project's eslint.config.mjs extends this file.
import nx from '@nx/eslint-plugin';
import pulumi from '@pulumi/eslint-plugin';
import vitest from '@vitest/eslint-plugin';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

/**
 * Module boundaries on two axes (type and scope). What each rule protects:
 * - workload libraries never import Pulumi (they must render offline, anywhere);
 * - apps (services) never import infrastructure or the workload libraries (a service image
 *   must not carry the deployment tooling);
 * - charts (`apps/<app>/deploy`) import only libraries: never the service's code, a tool,
 *   infrastructure or Pulumi;
 * - libraries never import apps, charts, tools or infrastructure.
 */
const depConstraints = [
  {
    sourceTag: 'type:app',
    onlyDependOnLibsWithTags: ['scope:shared'],
    bannedExternalImports: ['@pulumi/*', 'cdk8s', 'cdk8s-plus-*', 'constructs'],
  },
  {
    sourceTag: 'type:chart',
    onlyDependOnLibsWithTags: ['type:lib'],
    bannedExternalImports: ['@pulumi/*', 'express'],
  },
  { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  {
    sourceTag: 'scope:workloads',
    onlyDependOnLibsWithTags: ['scope:shared', 'scope:workloads'],
    bannedExternalImports: ['@pulumi/*'],
  },
  { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:lib', 'type:tool'] },
  { sourceTag: 'type:infra', onlyDependOnLibsWithTags: ['scope:shared', 'type:infra'] },
];

/**
 * The same bans as plain import restrictions, spread by each library's and app's own
 * eslint.config.mjs: they hold even before a banned package is installed
 * (bannedExternalImports only sees packages that are in the project graph).
 */
export const libraryRules = [
  {
    files: ['**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@pulumi/*'],
              message: 'Libraries never import Pulumi: they must render offline, anywhere.',
            },
          ],
        },
      ],
    },
  },
];

export const appRules = [
  {
    files: ['**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@pulumi/*'], message: 'Apps never import infrastructure code.' },
            {
              group: ['cdk8s', 'cdk8s-plus-*', 'constructs'],
              message: 'Apps never import the workload definitions.',
            },
          ],
        },
      ],
    },
  },
];

export const chartRules = [
  {
    files: ['**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@pulumi/*'], message: 'Charts never import infrastructure code.' },
            {
              group: ['express', '@platform/service-runtime', '../../src/*'],
              message: "Charts never import the service's code: they describe how it runs.",
            },
          ],
        },
      ],
    },
  },
];

/**
 * Added by the Pulumi projects (infra/*) on top of the default config. An Output in a template
 * literal prints "Calling [toString] on an Output<T> is not supported": pulumi.interpolate (or
 * .apply) is the way. Here, not in a file of its own, so that it is among every lint's inputs.
 */
export const pulumiConfig = [
  {
    files: ['**/*.ts'],
    plugins: { '@pulumi': pulumi },
    rules: {
      '@pulumi/no-output-in-template-literal': 'error',
      '@pulumi/no-output-instance-in-template-literal': 'error',
    },
  },
];

export default tseslint.config(
  {
    ignores: [
      '**/dist',
      '**/out-tsc',
      '**/test-output',
      '**/coverage',
      '**/node_modules',
      'manifests/**',
      '**/vitest.config.*.timestamp*',
    ],
  },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        { enforceBuildableLibDependency: true, allow: [], depConstraints },
      ],
      // A promise nobody awaits hides failures (an un-awaited `rejects` passes).
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    // Tests dig into rendered JSON; typing every level would hide what they assert.
    files: ['**/*.spec.ts', '**/testing/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.spec.ts'],
    plugins: { vitest },
    rules: {
      ...vitest.configs.recommended.rules,
      // vitest's expect takes a message second: it names the case in a loop's failure.
      'vitest/valid-expect': ['error', { alwaysAwait: true, maxArgs: 2 }],
      'vitest/expect-expect': ['error', { assertFunctionNames: ['expect', 'expect*', 'assert*'] }],
    },
  },
  prettier,
);
