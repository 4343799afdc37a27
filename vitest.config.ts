import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Without this Vitest would also collect the Playwright specs in tests/e2e.
    include: ['tests/unit/**/*.test.ts'],
  },
});
