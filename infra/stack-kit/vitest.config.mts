import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: '@platform/infra-stack-kit',
    include: ['src/**/*.spec.ts'],
    // Pulumi mocks are process-wide: a fresh process per test file, and time to load the providers.
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // .ci/run sums these reports into its `N passed, M failed` line.
    reporters: ['default', ['json', { outputFile: 'test-output/vitest-results.json' }]],
  },
});
