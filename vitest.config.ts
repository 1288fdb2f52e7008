import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
    // vitest's own summary for people, then one plain `N passed, N failed` line for CI logs
    reporters: ['default', './test/summary-reporter.ts'],
  },
});
