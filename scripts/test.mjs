#!/usr/bin/env node
// `npm test`: the whole suite on a fresh database: a throwaway embedded PostgreSQL, or the
// new, empty database DATABASE_URL names.
// Steps: lint -> generated files in sync -> migrate -> seed -> vitest -> build -> Playwright.
import { existsSync } from 'node:fs'
import { DatabaseUnavailableError, provideDatabase } from './lib/database.mjs'
import { migrate, seedDatabase } from './lib/migrations.mjs'
import { e2ePort, freePort } from './lib/ports.mjs'
import { runSteps } from './lib/run.mjs'

// What the tests drive: a browser, the nginx micro-cache the project ships, a private
// redis-server for the shared cache, and PostgreSQL's server programs for a private primary
// and replica (started and stopped by their tests; the app itself needs neither).
const tools = [
  ['Chromium', process.env.CHROMIUM_PATH || '/usr/bin/chromium', 'CHROMIUM_PATH'],
  ['nginx', process.env.NGINX_PATH || '/usr/sbin/nginx', 'NGINX_PATH'],
  ['redis-server', process.env.REDIS_SERVER_PATH || '/usr/bin/redis-server', 'REDIS_SERVER_PATH'],
  // The multi-instance tests make a private primary and streaming replica.
  ['postgresql', `${process.env.PG_BIN || '/usr/lib/postgresql/15/bin'}/pg_basebackup`, 'PG_BIN'],
]
const missing = tools.filter(([, file]) => !existsSync(file))
if (missing.length > 0) {
  for (const [name, file, variable] of missing) console.error(`vetted: no ${name} at ${file}. Set ${variable}, or install it:`)
  console.error(`  apt-get install -y ${missing.map(([name]) => name.toLowerCase()).join(' ')}`)
  process.exit(1)
}

// Checked before minutes of unit tests and the build, not when Playwright starts.
let port
try {
  port = await e2ePort()
} catch (error) {
  console.error(`vetted: ${error.message}`)
  process.exit(1)
}

const started = Date.now()
let database
try {
  database = await provideDatabase({ throwaway: true })
} catch (error) {
  if (error instanceof DatabaseUnavailableError) {
    console.error(`vetted: ${error.message}`)
    process.exit(1)
  }
  throw error
}

// The tests' SMTP sink listens here (tests/support/smtp-sink.ts); the app under test sends to it.
const smtpPort = process.env.SMTP_TEST_PORT || String(await freePort())
const env = {
  ...database.env,
  PAYLOAD_SECRET: process.env.PAYLOAD_SECRET || 'vetted-test-secret',
  E2E_PORT: port,
  SMTP_TEST_PORT: smtpPort,
}
// Lint first: it takes seconds, and a cycle or a layering break fails before minutes of tests.
let code = await runSteps(
  [
    ['npm', 'run', '--silent', 'lint'],
    ['node', 'scripts/check-generated.mjs'],
  ],
  { env },
)
if (code === 0) code = await migrate(env)
if (code === 0) code = await seedDatabase(env)
const steps = [['vitest', 'run'], ...(process.env.SKIP_BUILD ? [] : [['next', 'build']]), ['playwright', 'test']]
if (code === 0) code = await runSteps(steps, { env })
await database.stop()
console.log(`vetted: test suite ${code === 0 ? 'passed' : 'FAILED'} in ${Math.round((Date.now() - started) / 1000)} s`)
process.exit(code)
