import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Without this Vitest would also collect the Playwright specs in tests/e2e.
    include: ['tests/unit/**/*.test.ts'],
    // Several tests start the command in a child process: a loaded machine can take seconds over
    // Vitest's 5 s default. A limit against hangs, not a speed test (speed is `npm run bench`'s).
    testTimeout: 30_000,
  },
});
