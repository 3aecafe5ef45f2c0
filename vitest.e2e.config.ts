import { defineConfig } from 'vitest/config';

// End-to-end tests: the BUILT extension (.output/chrome-mv3) in Debian's Chromium. One file at a
// time, since each starts a browser and two servers and the machine has two cores.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    // One retry for a real browser's bad moment: the touch test of the hover cards hangs in about
    // one full run in four on this two-core machine, and the cause is not found yet (see the
    // issue notes). A test that fails twice still fails the run.
    retry: 1,
    hookTimeout: 60_000,
  },
});
