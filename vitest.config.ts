import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      { test: { name: 'content', include: ['tests/content/**/*.test.ts'], testTimeout: 60_000 } },
      {
        test: { name: 'import', include: ['tests/import/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 600_000 },
      },
      {
        test: {
          name: 'site',
          include: ['tests/site/**/*.test.ts', 'tests/browser/**/*.test.ts'],
          globalSetup: ['tests/setup/build-site.ts'],
          hookTimeout: 300_000,
          testTimeout: 60_000,
        },
      },
    ],
  },
});
