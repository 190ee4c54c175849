import path from 'node:path'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: {
    tsconfigPaths: true,
    alias: {
      'server-only': path.resolve(import.meta.dirname, 'tests/support/server-only.ts'),
      // One copy of graphql, as in the app (Next.js keeps it external): otherwise the app's
      // validation rules and Payload's schema come from two copies that do not know each other.
      graphql: path.resolve(import.meta.dirname, 'node_modules/graphql/index.js'),
    },
  },
  test: {
    environment: 'node',
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    globalSetup: ['tests/support/global-setup.ts'],
    setupFiles: ['tests/support/load-env.ts'],
    // One shared database: files run one after another so their transactions never contend.
    fileParallelism: false,
    // Files share one module graph, so Payload starts once for the whole run, not once per
    // file: 69 s instead of 178 s here. Tests that change process state (environment
    // variables, Redis connections) put it back in afterAll.
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
})
