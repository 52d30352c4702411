import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: '@platform/workspace-plugin',
    include: ['src/**/*.spec.ts', 'scripts/**/*.spec.ts'],
    // The end-to-end specs copy the workspace and run Nx and npm in it.
    testTimeout: 300_000,
    hookTimeout: 300_000,
    // .ci/run sums these reports into its `N passed, M failed` line.
    reporters: ['default', ['json', { outputFile: 'test-output/vitest-results.json' }]],
  },
});
