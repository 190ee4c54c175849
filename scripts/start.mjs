#!/usr/bin/env node
// `npm start`: the production server. Refuses to run without PAYLOAD_SECRET,
// applies pending migrations, then serves the built app on PORT (default 3000), starting it
// again whenever its process dies (scripts/lib/supervise.mjs).
import { DatabaseUnavailableError, provideDatabase } from './lib/database.mjs'
import { migrate } from './lib/migrations.mjs'
import { rmSync } from 'node:fs'
import path from 'node:path'
import { projectRoot, run } from './lib/run.mjs'
import { supervise } from './lib/supervise.mjs'

if (!process.env.PAYLOAD_SECRET) {
  console.error(
    'vetted: PAYLOAD_SECRET is not set. Production needs a long random secret, e.g. PAYLOAD_SECRET=$(openssl rand -hex 32) npm start',
  )
  process.exit(1)
}

if (!process.env.SERVER_URL) {
  console.warn(
    'vetted: SERVER_URL is not set. Set it to the public origin (e.g. SERVER_URL=https://health.example.org): canonical links and the sitemap use it, and the admin then accepts logins only from it.',
  )
}

if (!process.env.SMTP_URL) {
  console.warn(
    'vetted: SMTP_URL is not set: notification e-mails are written to the log, not sent. Set SMTP_URL (smtp://user:password@host:587) and MAIL_FROM to send them.',
  )
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

// V8 sizes its heap limit from the machine's memory (about 4 GB here) and collects lazily, so
// the server grew to 420 MB under load. With a 256 MB limit it collects sooner and peaked at
// 207 MB at the same throughput (10k-article database, bench/report.mjs). VETTED_HEAP_MB or
// an explicit --max-old-space-size in NODE_OPTIONS overrides it.
const heapMb = process.env.VETTED_HEAP_MB || '256'
const nodeOptions = process.env.NODE_OPTIONS ?? ''
const heapLimit = nodeOptions.includes('--max-old-space-size') ? nodeOptions : `${nodeOptions} --max-old-space-size=${heapMb}`.trim()
const env = { ...database.env, NODE_ENV: 'production' }
// Migrations read and write the primary only (Payload would send some reads to a replica).
let code = await migrate({ ...env, DATABASE_REPLICA_URLS: '' })
if (code === 0) {
  const port = process.env.PORT || '3000'
  code = await supervise({
    port,
    // Next.js keeps its data cache (unstable_cache) and rendered pages (ISR) on disk across
    // restarts, but they belong to the database they were read from, and to the process that
    // knew which of them an approval expired: after a restore from backup, a new DATABASE_URL
    // or a crash they served what that database no longer publishes. Each start begins empty.
    // (With REDIS_URL the cache is in Redis and these folders are unused; another instance may
    // be running from this same build.)
    prepare: () => {
      if (process.env.REDIS_URL) return
      for (const cache of ['.next/cache/fetch-cache', '.next/server/route-cache']) {
        rmSync(path.join(projectRoot, cache), { recursive: true, force: true })
      }
    },
    start: () => run('node', ['node_modules/next/dist/bin/next', 'start', '-p', port], { env: { ...env, NODE_OPTIONS: heapLimit } }),
  })
}
await database.stop()
process.exit(code)
