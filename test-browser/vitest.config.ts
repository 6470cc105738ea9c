import { defineConfig } from 'vitest/config'

// Browser tests: a real server on a loopback port, Debian's chromium driven by playwright-core.
// Two files at a time: each starts its own app on a free port and its own chromium, and one file
// keeps a core only partly busy (it waits on the browser), so two workers roughly halve CI time.
export default defineConfig({
  test: {
    include: ['test-browser/**/*.browser.test.ts'],
    // The database snapshot, and the demo network generated once for the run.
    globalSetup: ['test-browser/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: true,
    maxWorkers: 2,
  },
})
