import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: '@platform/release',
    include: ['src/**/*.spec.ts'],
    // Real git against temporary bare repositories: slower than unit tests.
    testTimeout: 120_000,
    hookTimeout: 60_000,
    // .ci/run sums these reports into its `N passed, M failed` line.
    reporters: ['default', ['json', { outputFile: 'test-output/vitest-results.json' }]],
  },
});
