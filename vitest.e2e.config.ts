import { defineConfig } from 'vitest/config';

// End-to-end tests: the BUILT extension in Debian's Chromium (.output/chrome-mv3) and, for the
// shared scenarios and what differs there, Debian's firefox-esr (.output/firefox-mv3). One file at
// a time, since each starts a browser and its servers, the machine has two cores, and the Firefox
// tests' server must have port 443 to itself (support/firefox-driver.ts).
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
