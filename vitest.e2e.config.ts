import { defineConfig } from 'vitest/config';

// End-to-end tests: the BUILT extension (.output/chrome-mv3) in Debian's Chromium. One file at a
// time, since each starts a browser and two servers and the machine has two cores.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
