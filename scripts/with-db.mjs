#!/usr/bin/env node
// Usage: node scripts/with-db.mjs [--prepare] -- <command> [args...]
// Runs the command against DATABASE_URL, or against the embedded PGlite database
// (kept in .data/pglite) when DATABASE_URL is not set. --prepare first applies
// migrations and the seed, so `npm run dev` gives a working app on a fresh machine.
import { DatabaseUnavailableError, provideDatabase } from './lib/database.mjs'
import { migrate } from './lib/migrations.mjs'
import { run } from './lib/run.mjs'

const argv = process.argv.slice(2)
const separator = argv.indexOf('--')
const flags = separator === -1 ? [] : argv.slice(0, separator)
const [command, ...args] = separator === -1 ? argv : argv.slice(separator + 1)
if (!command) {
  console.error('Usage: node scripts/with-db.mjs [--prepare] -- <command> [args...]')
  process.exit(2)
}

let database
try {
  database = await provideDatabase({ dataDir: process.env.PGLITE_DATA_DIR })
} catch (error) {
  if (error instanceof DatabaseUnavailableError) {
    console.error(`vetted: ${error.message}`)
    process.exit(1)
  }
  throw error
}

let code = 0
if (flags.includes('--prepare')) {
  code = await migrate(database.env)
  if (code === 0) code = await run('payload', ['run', 'seed/run.ts'], { env: database.env })
}
if (code === 0) code = await run(command, args, { env: database.env })
await database.stop()
process.exit(code)
