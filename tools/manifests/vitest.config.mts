import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: '@platform/manifests',
    include: ['src/**/*.spec.ts', 'scripts/**/*.spec.ts'],
    // Cases that render and validate whole fixture workspaces take 1–2 s alone and several
    // times that beside every other project's tests in one `nx run-many`: not a speed check.
    testTimeout: 20_000,
    // .ci/run sums these reports into its `N passed, M failed` line.
    reporters: ['default', ['json', { outputFile: 'test-output/vitest-results.json' }]],
  },
});
