import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: '@platform/platform',
    include: ['src/**/*.spec.ts'],
    // .ci/run sums these reports into its `N passed, M failed` line.
    reporters: ['default', ['json', { outputFile: 'test-output/vitest-results.json' }]],
  },
});
