// Invariant 8 under stress: three instances of the production build on a shared Redis and a
// PostgreSQL primary + streaming replica (started privately, as tests/e2e/multi-instance.spec.ts
// does), and the two scenarios in which a stale page was once served, run ROUNDS times while
// readers ask every instance for the page without pause:
//   restart: Redis stopped, an approval during the outage, Redis back empty, an approval;
//   snapshot: a snapshot (SAVE), an approval it never hears of, Redis back from the snapshot.
// After every approval returns, each instance is asked once at once; the readers' answers are
// also checked, by the rule the tests use (tests/support/approved-words.ts). Prints the counts per scenario; exits 1 on any stale answer.
//
//   npm run build
//   ROUNDS=50 npx tsx bench/stale-stress.ts
//
// Needs PostgreSQL 15 server programs and redis-server. Loopback only; bounded by ROUNDS and
// TIME_LIMIT_S (default 1,800 s); everything it starts is stopped at the end.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type AppInstance, startApps } from '../tests/support/app-cluster'
import { type PgCluster, startPgCluster } from '../tests/support/pg-cluster'
import { startRedis } from '../tests/support/redis-server'
import { DEFAULT_DEMO_PASSWORD, DEMO_USERS } from '../seed/users'
import { lexicalFromSections } from '../seed/lexical'
import { ApprovedWords } from '../tests/support/approved-words'
import { createClient } from 'redis'

const ROUNDS = Number(process.env.ROUNDS || 50)
const TIME_LIMIT_MS = Number(process.env.TIME_LIMIT_S || 1800) * 1000
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const unique = (label: string) => `${label}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`.toUpperCase()

type Tally = { approvals: number; checks: number; stale: number; readerAnswers: number; readerStale: number; readerErrors: number }
const tally = (): Tally => ({ approvals: 0, checks: 0, stale: 0, readerAnswers: 0, readerStale: 0, readerErrors: 0 })

async function json(url: string, init: RequestInit & { token?: string } = {}) {
  const headers = { 'content-type': 'application/json', ...(init.token ? { authorization: `JWT ${init.token}` } : {}) }
  const response = await fetch(url, { ...init, headers })
  const body = await response.json()
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${url}: ${response.status} ${JSON.stringify(body)}`)
  return body
}

async function main() {
  const started = Date.now()
  const redisDir = await mkdtemp(join(tmpdir(), 'vetted-stale-stress-'))
  let cluster: PgCluster | undefined
  let redis: Awaited<ReturnType<typeof startRedis>> | undefined
  let apps: AppInstance[] = []
  try {
    cluster = await startPgCluster()
    redis = await startRedis({ dir: redisDir })
    apps = await startApps(3, {
      DATABASE_URL: cluster.primaryUrl,
      DATABASE_REPLICA_URLS: cluster.replicaUrl,
      DATABASE_POOL_MAX: '10',
      REDIS_URL: redis.url,
      PAYLOAD_SECRET: 'vetted-stale-stress-secret',
      SERVER_URL: 'http://vetted.test',
      VETTED_ACCOUNT_HOLD_HOURS: '0',
      CACHE_REFRESH_URL: '',
    })
    const [A] = apps as [AppInstance]
    const api = `${A.url}/api`

    // The demo people, as on a first start; then one live article.
    const [admin, ...others] = DEMO_USERS
    const { token: adminToken } = await json(`${api}/users/first-register`, {
      method: 'POST',
      body: JSON.stringify({ ...admin, password: DEFAULT_DEMO_PASSWORD }),
    })
    for (const person of others) {
      await json(`${api}/users`, {
        method: 'POST',
        token: adminToken,
        body: JSON.stringify({ ...person, password: DEFAULT_DEMO_PASSWORD }),
      })
    }
    const login = async (email: string) =>
      (await json(`${api}/users/login`, { method: 'POST', body: JSON.stringify({ email, password: DEFAULT_DEMO_PASSWORD }) }))
        .token as string
    const editor = await login('editor@example.com')
    const reviewer = await login('reviewer@example.com')
    const approveSummary = async (id: string, summary?: string) => {
      if (summary) await json(`${api}/articles/${id}?draft=true`, { method: 'PATCH', token: editor, body: JSON.stringify({ summary }) })
      const { versionId } = await json(`${api}/articles/${id}/submit`, { method: 'POST', token: editor, body: '{}' })
      await json(`${api}/articles/${id}/approve`, {
        method: 'POST',
        token: reviewer,
        body: JSON.stringify({ versionId, readingLevelAcknowledged: true, evidenceChecked: true }),
      })
    }
    const first = unique('stress')
    const { doc } = await json(`${api}/articles?draft=true`, {
      method: 'POST',
      token: editor,
      body: JSON.stringify({
        title: `Article ${first}`,
        slug: first.toLowerCase(),
        summary: `Summary ${first}`,
        topic: 'Stress',
        audience: 'patient',
        body: lexicalFromSections([{ paragraphs: [`Body ${first}`] }]),
        disclaimer: 'For the benchmark only.',
      }),
    })
    const id = String(doc.id)
    await approveSummary(id)
    const path = `/articles/${first.toLowerCase()}`

    const approved = new ApprovedWords(first)
    const results = { restart: tally(), snapshot: tally() }
    let current: Tally = results.restart
    let traffic = true
    const readers = (async () => {
      while (traffic) {
        await Promise.all(
          apps.map(async (app) => {
            const mark = approved.mark()
            try {
              const response = await fetch(`${app.url}${path}`)
              const body = await response.text()
              current.readerAnswers++
              if (response.status >= 500) current.readerErrors++
              else if (!approved.isFresh(body, mark)) current.readerStale++
            } catch {
              current.readerErrors++
            }
          }),
        )
      }
    })()
    const change = async (words: string) => {
      await approved.approve(words, () => approveSummary(id, `Summary ${words}`))
      current.approvals++
      const pages = await Promise.all(apps.map((app) => fetch(`${app.url}${path}`).then((r) => r.text())))
      current.checks += pages.length
      current.stale += pages.filter((body) => !body.includes(words)).length
    }
    const restartRedis = async ({ empty }: { empty: boolean }) => {
      await redis!.stop()
      if (empty) await rm(join(redisDir, 'dump.rdb'), { force: true })
      redis = await startRedis({ port: redis!.port, dir: redisDir })
    }

    let round = 0
    for (; round < ROUNDS && Date.now() - started < TIME_LIMIT_MS; round++) {
      current = results.restart
      await redis!.stop()
      await change(unique('down'))
      await sleep(1000)
      await restartRedis({ empty: true })
      await change(unique('back'))

      current = results.snapshot
      const client = createClient({ url: redis!.url })
      client.on('error', () => {})
      await client.connect()
      await client.sendCommand(['SAVE'])
      client.destroy()
      await change(unique('snap'))
      await restartRedis({ empty: false })
      await sleep(500)
      await change(unique('after'))
      process.stdout.write(`\rround ${round + 1}/${ROUNDS}`)
    }
    traffic = false
    await readers
    console.log(
      `\n${round} rounds in ${((Date.now() - started) / 1000).toFixed(0)} s (three instances, Redis restarted ${round * 2} times)`,
    )
    console.log('scenario   approvals  checks after approval  stale   reader answers  stale  errors')
    for (const [name, t] of Object.entries(results)) {
      console.log(
        `${name.padEnd(10)} ${String(t.approvals).padStart(9)}  ${String(t.checks).padStart(21)}  ${String(t.stale).padStart(5)}   ${String(t.readerAnswers).padStart(14)}  ${String(t.readerStale).padStart(5)}  ${String(t.readerErrors).padStart(6)}`,
      )
    }
    const stale = Object.values(results).reduce((sum, t) => sum + t.stale + t.readerStale, 0)
    console.log(`stale answers: ${stale}`)
    process.exitCode = stale === 0 ? 0 : 1
  } finally {
    await Promise.all(apps.map((app) => app.stop()))
    await redis?.stop()
    await cluster?.stop()
    await rm(redisDir, { recursive: true, force: true })
  }
}

await main()
