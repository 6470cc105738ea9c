import { defineConfig } from 'vitest/config'

// Two projects: pure unit tests, and database tests (*.db.test.ts) that run on a PGlite snapshot
// by default and on PostgreSQL when DATABASE_URL is set (see src/test/database.ts).
export default defineConfig({
  test: {
    // Vitest's default in a run is one worker less than the cores: one on the 2-core CI machine. The
    // database tests spend much of their time waiting on the database, so two workers share it well.
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'web/**/*.test.ts', 'web/**/*.test.tsx'],
          exclude: ['src/**/*.db.test.ts', 'node_modules/**'],
        },
      },
      {
        test: {
          name: 'db',
          include: ['src/**/*.db.test.ts'],
          globalSetup: ['src/test/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
})
