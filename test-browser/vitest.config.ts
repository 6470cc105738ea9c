import { defineConfig } from 'vitest/config'

// Browser tests: a real server on a loopback port, Debian's chromium driven by playwright-core.
export default defineConfig({
  test: {
    include: ['test-browser/**/*.browser.test.ts'],
    globalSetup: ['src/test/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
})
