#!/usr/bin/env node
// PostgreSQL goes away under traffic. Starts a private PostgreSQL (initdb into a
// temporary folder, its own port, run as the postgres user), migrates and seeds it,
// serves the built app on it, then keeps requesting the article page, the home page
// and the REST API while the database is stopped for 10 s and started again.
// Prints what each route answered before, during and after. Never touches the
// machine's shared PostgreSQL. Needs a build (npm run build). Loopback only.
import { execFileSync, spawn } from 'node:child_process'
import { chmodSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { readdirSync } from 'node:fs'
import { apiClient } from './lib/client.mjs'

const PG_PORT = Number(process.env.OUTAGE_PG_PORT || 5499)
const APP_PORT = Number(process.env.OUTAGE_APP_PORT || 3500)
const DOWN_SECONDS = Number(process.env.DOWN_SECONDS || 10)
const app = `http://127.0.0.1:${APP_PORT}`
const pgBin = path.join('/usr/lib/postgresql', readdirSync('/usr/lib/postgresql').sort().at(-1), 'bin')
const data = mkdtempSync(path.join(tmpdir(), 'vetted-outage-'))
chmodSync(data, 0o777)
const asPostgres = (command) => execFileSync('su', ['postgres', '-c', command], { stdio: 'pipe' }).toString()
const pgCtl = (action) => asPostgres(`${pgBin}/pg_ctl -D ${data}/db -l ${data}/pg.log -o "-p ${PG_PORT} -k ${data}" -w ${action}`)

asPostgres(`${pgBin}/initdb -D ${data}/db -A trust -U postgres >/dev/null`)
pgCtl('start')
const databaseUrl = `postgres://postgres@127.0.0.1:${PG_PORT}/postgres`
const env = { ...process.env, DATABASE_URL: databaseUrl, PAYLOAD_SECRET: 'outage-bench', PORT: String(APP_PORT) }
execFileSync('node', ['scripts/with-db.mjs', '--', 'payload', 'migrate'], { env, stdio: 'ignore' })
execFileSync('node', ['scripts/with-db.mjs', '--', 'payload', 'run', 'seed/run.ts'], { env, stdio: 'ignore' })
const server = spawn('node', ['scripts/start.mjs'], { env, stdio: 'ignore' })

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))
async function probe(route, token) {
  const started = performance.now()
  try {
    const response = await fetch(app + route, {
      signal: AbortSignal.timeout(10_000),
      headers: token ? { Authorization: `JWT ${token}` } : {},
    })
    await response.text()
    return { status: String(response.status), ms: performance.now() - started }
  } catch (error) {
    return { status: error.name === 'TimeoutError' ? 'timeout' : 'refused', ms: performance.now() - started }
  }
}

const ROUTES = { article: '/articles/lumbar-soreness-in-early-pregnancy', home: '/', api: '/api/articles?limit=1&depth=0' }
const STAFF_ROUTES = { queue: '/api/review-queue' }
const { login, attempt: api } = apiClient(app)

const tally = {}
let phase = 'before'
let recoveredAfter = null
let restartedAt = 0

try {
  for (;;) {
    if ((await probe('/')).status === '200') break
    await sleep(200)
  }
  for (const route of Object.values(ROUTES)) await probe(route) // warm the caches
  const editor = await login('editor@example.com')
  const reviewer = await login('reviewer2@example.com')
  // A tip waiting for approval: its approval will be in flight when the database stops.
  const tip = (
    await api(editor, 'POST', '/api/tips?draft=true', {
      title: 'Outage tip',
      slug: `outage-${Date.now()}`,
      body: 'Rest.',
      category: 'rest',
      stage: 'any',
    })
  ).body.doc
  const { versionId } = (await api(editor, 'POST', `/api/tips/${tip.id}/submit`, {})).body

  const load = (async () => {
    while (phase !== 'done') {
      await Promise.all(
        [...Object.entries(ROUTES), ...Object.entries(STAFF_ROUTES)].map(async ([name, route]) => {
          const current = phase
          const { status, ms } = await probe(route, name in STAFF_ROUTES ? reviewer : undefined)
          const key = `${current.padEnd(7)} ${name.padEnd(8)}`
          tally[key] ??= { counts: {}, maxMs: 0 }
          tally[key].counts[status] = (tally[key].counts[status] ?? 0) + 1
          tally[key].maxMs = Math.max(tally[key].maxMs, ms)
          if (current === 'after' && name === 'api' && status === '200' && recoveredAfter === null) {
            recoveredAfter = performance.now() - restartedAt
          }
        }),
      )
      await sleep(100)
    }
  })()

  await sleep(5_000)
  phase = 'down'
  const inFlight = api(reviewer, 'POST', `/api/tips/${tip.id}/approve`, { versionId }).catch((error) => ({ status: String(error.name) }))
  pgCtl('stop -m fast')
  await sleep(DOWN_SECONDS * 1000)
  pgCtl('start')
  restartedAt = performance.now()
  phase = 'after'
  await sleep(10_000)
  phase = 'done'
  await load
  const approval = await inFlight
  const live = await probe(`/api/tips/${tip.id}`)
  const trail = await api(reviewer, 'GET', `/api/reviews?where[documentCollection][equals]=tips&where[documentId][equals]=${tip.id}`)
  const published = live.status === '200'
  const recorded = trail.body?.totalDocs === 1
  console.log(
    `approval in flight at the stop: answered ${approval.status}; afterwards published=${published}, review record=${recorded} -> ${published === recorded ? 'all or nothing, as required' : 'INCONSISTENT'}`,
  )

  console.log(`PostgreSQL stopped for ${DOWN_SECONDS} s under a steady trickle of requests\n`)
  console.log('phase   route     answers                               slowest')
  for (const [key, { counts, maxMs }] of Object.entries(tally)) {
    const answers = Object.entries(counts)
      .map(([status, n]) => `${status} x${n}`)
      .join(', ')
    console.log(`${key}  ${answers.padEnd(36)}  ${maxMs.toFixed(0)} ms`)
  }
  console.log(
    `\nAPI answered 200 again ${recoveredAfter === null ? 'never (within 10 s)' : `${recoveredAfter.toFixed(0)} ms`} after PostgreSQL was back`,
  )
} finally {
  server.kill('SIGTERM')
  await sleep(1000)
  try {
    pgCtl('stop -m fast')
  } catch {
    // Already stopped.
  }
  rmSync(data, { recursive: true, force: true })
}
