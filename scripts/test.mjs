#!/usr/bin/env node
// `npm test`: the whole suite on a fresh database: a throwaway embedded PostgreSQL, or the
// new, empty database DATABASE_URL names.
// Steps: lint and generated files in sync; the build beside migrate and seed; vitest; Playwright.
import { existsSync } from 'node:fs'
import { DatabaseUnavailableError, provideDatabase } from './lib/database.mjs'
import { migrate, seedDatabase } from './lib/migrations.mjs'
import { e2ePort, freePort } from './lib/ports.mjs'
import { run } from './lib/run.mjs'

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
// The profile of the suite, printed at the end: where its time goes.
const phases = []
const timed = async (name, work) => {
  const begun = Date.now()
  const result = await work()
  phases.push([name, Math.round((Date.now() - begun) / 1000)])
  return result
}
const runTimed = (name, command, args, options) => timed(name, () => run(command, args, { env, ...options }))
const firstFailure = (codes) => codes.find((value) => value !== 0) ?? 0

// 1. Lint and the generated-file check side by side (seconds; a cycle or a layering break fails
//    before minutes of tests). The check rewrites the admin import map, so it ends before the build.
let code = firstFailure(
  await Promise.all([
    runTimed('lint', 'npm', ['run', '--silent', 'lint'], { collect: true }),
    runTimed('generated files', 'node', ['scripts/check-generated.mjs'], { collect: true }),
  ]),
)
// 2. The production build beside migrate and seed: the build reads no database.
if (code === 0) {
  const build = process.env.SKIP_BUILD ? Promise.resolve(0) : runTimed('build', 'next', ['build'], { collect: true })
  const prepared = timed('migrate and seed', async () => (await migrate(env)) || (await seedDatabase(env)))
  code = firstFailure(await Promise.all([prepared, build]))
}
// 3. Then, one at a time (they share the database): vitest, and Playwright against the build.
if (code === 0) code = await runTimed('vitest', 'vitest', ['run'])
if (code === 0) code = await runTimed('playwright', 'playwright', ['test'])
await database.stop()
console.log(
  `vetted: test suite ${code === 0 ? 'passed' : 'FAILED'} in ${Math.round((Date.now() - started) / 1000)} s (${phases.map(([name, seconds]) => `${name} ${seconds} s`).join(', ')})`,
)
process.exit(code)
