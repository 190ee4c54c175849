#!/usr/bin/env node
// Usage: node scripts/with-db.mjs [--migrate] [--seed] [--prepare] [-- <command> [args...]]
// Runs against DATABASE_URL, or the embedded PostgreSQL (kept in .data/postgres) when
// DATABASE_URL is not set: --migrate applies migrations, --seed imports the seed,
// --prepare does both (so `npm run dev` gives a working app on a fresh machine), then
// the command, if one is given. Each step is checked to have taken effect.
import { DatabaseUnavailableError, provideDatabase } from './lib/database.mjs'
import { migrate, seedDatabase } from './lib/migrations.mjs'
import { run } from './lib/run.mjs'

const argv = process.argv.slice(2)
const separator = argv.indexOf('--')
const flags = separator === -1 ? [] : argv.slice(0, separator)
const [command, ...args] = separator === -1 ? (argv[0]?.startsWith('--') ? [] : argv) : argv.slice(separator + 1)
const flagList = separator === -1 && argv[0]?.startsWith('--') ? argv : flags
const wants = (flag) => flagList.includes(flag) || flagList.includes('--prepare')
if (!command && !wants('--migrate') && !wants('--seed')) {
  console.error('Usage: node scripts/with-db.mjs [--migrate] [--seed] [--prepare] [-- <command> [args...]]')
  process.exit(2)
}

let database
try {
  database = await provideDatabase()
} catch (error) {
  if (error instanceof DatabaseUnavailableError) {
    console.error(`vetted: ${error.message}`)
    process.exit(1)
  }
  throw error
}

let code = 0
if (wants('--migrate')) code = await migrate(database.env)
if (code === 0 && wants('--seed')) code = await seedDatabase(database.env)
if (code === 0 && command) code = await run(command, args, { env: database.env })
await database.stop()
process.exit(code)
