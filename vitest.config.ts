import { defineConfig } from 'vitest/config';

// Two suites: `unit` tests the pure model in src/lib (fast, no browser);
// `e2e` drives Debian's Chromium against the built dist/ (see tests/e2e/harness.ts).
export default defineConfig({
  test: {
    // `npm test` runs the unit suite with --coverage: src/lib, the only source of numbers, must
    // stay covered (thresholds a little under the measured figures, so dead code shows).
    coverage: {
      provider: 'v8',
      include: ['src/lib/**/*.ts'],
      reporter: ['text-summary'],
      // Measured 2026-12-04 on the whole unit suite, with unit tests for the new tools' view helpers:
      // 95.0 % statements, 89.5 % branches, 94.9 % functions, 96.4 % lines.
      thresholds: { statements: 94.5, branches: 89, functions: 94.5, lines: 96 },
    },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          // The exhaustive and property-based suites take seconds on a busy 2-core machine.
          testTimeout: 60_000,
          // Vitest's default keeps a core free, which on two cores is one worker: 36 s with
          // coverage where two workers take 22 s (idle machine, 2026-12-04).
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          // One Chromium for the run (global-setup.ts), one static server per file. Pages spend
          // much of their time waiting (loads, hydration, axe), so a few files and a few pages
          // within the site sweep run at once; more only makes two cores thrash.
          globalSetup: ['tests/e2e/global-setup.ts'],
          maxWorkers: 2,
          maxConcurrency: 3,
          // Generous: on a shared 2-core machine one page check can take tens of seconds.
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
