#!/usr/bin/env node
// `npm start`: the production server. Refuses to run without PAYLOAD_SECRET,
// applies pending migrations, then serves the built app on PORT (default 3000).
import { DatabaseUnavailableError, provideDatabase } from './lib/database.mjs'
import { migrate } from './lib/migrations.mjs'
import { run } from './lib/run.mjs'

if (!process.env.PAYLOAD_SECRET) {
  console.error(
    'vetted: PAYLOAD_SECRET is not set. Production needs a long random secret, e.g. PAYLOAD_SECRET=$(openssl rand -hex 32) npm start',
  )
  process.exit(1)
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

const env = { ...database.env, NODE_ENV: 'production' }
let code = await migrate(env)
if (code === 0) {
  const port = process.env.PORT || '3000'
  code = await run('node', ['node_modules/next/dist/bin/next', 'start', '-p', port], { env })
}
await database.stop()
process.exit(code)
