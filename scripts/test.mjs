#!/usr/bin/env node
// `npm test`: the whole suite on a fresh database. Uses DATABASE_URL when set (CI
// points it at a new, empty database), else a throwaway in-memory PGlite.
// Steps: generated files in sync -> migrate -> seed -> vitest -> build -> Playwright.
import { existsSync } from 'node:fs'
import { DatabaseUnavailableError, provideDatabase } from './lib/database.mjs'
import { migrate, seedDatabase } from './lib/migrations.mjs'
import { runSteps } from './lib/run.mjs'

const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
if (!existsSync(chromium)) {
  console.error(`vetted: no Chromium at ${chromium}. Install it (apt-get install -y chromium) or set CHROMIUM_PATH.`)
  process.exit(1)
}

const started = Date.now()
let database
try {
  database = await provideDatabase({ dataDir: 'memory://' })
} catch (error) {
  if (error instanceof DatabaseUnavailableError) {
    console.error(`vetted: ${error.message}`)
    process.exit(1)
  }
  throw error
}

const env = { ...database.env, PAYLOAD_SECRET: process.env.PAYLOAD_SECRET || 'vetted-test-secret' }
let code = await runSteps([['node', 'scripts/check-generated.mjs']], { env })
if (code === 0) code = await migrate(env)
if (code === 0) code = await seedDatabase(env)
const steps = [
  ['vitest', 'run'],
  ...(process.env.SKIP_BUILD ? [] : [['next', 'build']]),
  ['playwright', 'test'],
]
if (code === 0) code = await runSteps(steps, { env })
await database.stop()
console.log(`vetted: test suite ${code === 0 ? 'passed' : 'FAILED'} in ${Math.round((Date.now() - started) / 1000)} s`)
process.exit(code)
