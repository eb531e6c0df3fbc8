import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          sequence: { groupOrder: 0 },
          include: ['domain/**/*.test.ts', 'web/**/*.test.{ts,tsx}', 'server/**/*.data.test.ts'],
        },
      },
      {
        test: {
          name: 'server',
          // Projects with their own worker limits run as separate groups, one after the other.
          sequence: { groupOrder: 1 },
          include: ['server/**/*.test.ts'],
          // The read-replica check needs a running hot standby: scripts/replica-check.sh starts one and sets the URL.
          exclude: ['server/**/*.data.test.ts', ...(process.env.TEST_READ_DATABASE_URL ? [] : ['server/**/*.replica.test.ts'])],
          globalSetup: ['server/test/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // Each file gets its own database; two workers suit the two cores here.
          pool: 'forks',
          // One module graph per worker: loading the app for each file cost ≈3.5 s a file.
          isolate: false,
          maxWorkers: 2,
        },
      },
    ],
  },
})
