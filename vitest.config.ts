import { defineConfig } from 'vitest/config';

/*
 * Timeouts here only catch a hung test; none is a performance budget (those belong to `npm run bench`),
 * so they are generous enough for a machine busy with other work.
 */
export default defineConfig({
  test: {
    // Vitest's default on 2 cores is one worker, but most test files here wait on child processes (Astro
    // builds, imports, Chromium): two workers overlap that waiting.
    maxWorkers: 2,
    projects: [
      // Pure modules: one module graph per worker instead of one per file (half the project's time).
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], isolate: false, testTimeout: 60_000 } },
      {
        test: { name: 'content', include: ['tests/content/**/*.test.ts'], testTimeout: 600_000, hookTimeout: 600_000 },
      },
      {
        test: { name: 'import', include: ['tests/import/**/*.test.ts'], testTimeout: 300_000, hookTimeout: 600_000 },
      },
      {
        test: {
          name: 'site',
          include: ['tests/site/**/*.test.ts', 'tests/browser/**/*.test.ts'],
          globalSetup: ['tests/setup/build-site.ts'],
          hookTimeout: 600_000,
          testTimeout: 180_000,
          // Page navigations in Chromium may take seconds on a loaded machine (the default is 1 s).
          expect: { poll: { timeout: 30_000 } },
        },
      },
    ],
  },
});
