import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    name: 'e2e',
    root: '.',
    include: ['e2e/**/*.test.ts'],
    // One migrated, demo-seeded database per run; each file's app starts on a clone of it.
    globalSetup: ['e2e/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // What a page shows after a click can take seconds on a loaded machine; vitest's default poll gives up after 1 s.
    expect: { poll: { timeout: 15_000, interval: 100 } },
    // One browser and one app at a time: the machine has two cores.
    fileParallelism: false,
  },
})
