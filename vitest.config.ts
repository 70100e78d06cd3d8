import { defineConfig } from 'vitest/config'

// Under CI the JSON reporter also writes a summary that .ci/run turns into `N passed, N failed`.
const summaryFile = process.env.SLUICE_TEST_SUMMARY

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/helpers/temporary-folder.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    reporters: summaryFile === undefined ? ['default'] : ['default', 'json'],
    outputFile: summaryFile === undefined ? undefined : { json: summaryFile },
  },
})
